/*
  A person: their history at a glance (messages each way per quarter, first and last exchange),
  the recommended strategy and why, the other strategies, the chosen one's inputs, a live preview
  of subject and body, and Insert.
*/
/* global document */
import { getPerson, getStrategies, createDraft, ApiError } from "../api.js";
import { h, show, announce } from "../dom.js";
import { formatDate, plural } from "../format.js";
import * as mailbox from "../mailbox.js";
import { quarterChart } from "./chart.js";
import { finishedDraft } from "./draftResult.js";
import { errorBar, showError, showSuccess, clearMessages } from "./messages.js";

const previewDelayMilliseconds = 300;

/** @type {Promise<object[]> | null} the strategies, asked for once */
let strategiesRequest = null;

/**
 * Shows a person.
 * @param {HTMLElement} view the main area
 * @param {object} summary their suggestion (personId, displayName, addresses, silenceText, reason, suggestedStrategy)
 * @param {() => void} back goes back to the list
 * @returns {Promise<void>}
 */
export async function showPerson(view, summary, back) {
  clearMessages();
  const backButton = h("button", { type: "button", className: "subtle", onClick: back, "data-testid": "back" }, "← Suggestions");
  show(view, backButton, h("p", { className: "loading" }, "Loading…"));

  let person, strategies;
  try {
    strategiesRequest ??= getStrategies();
    [person, strategies] = await Promise.all([
      getPerson(summary.personId).catch((error) => {
        // The person's history is a bonus: without it, the suggestion's summary still drafts.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
      strategiesRequest,
    ]);
  } catch (error) {
    strategiesRequest = null;
    show(view, backButton, errorBar(error, () => showPerson(view, summary, back)));
    return;
  }

  const merged = { ...summary, ...(person ?? {}) };
  const name = merged.displayName || merged.addresses?.[0] || "them";
  // GET /api/people/{id} says {id, why}; a suggestion says only the wire name.
  const recommended = merged.recommendedStrategy?.id ?? summary.suggestedStrategy ?? strategies[0]?.id;
  const recommendedWhy = merged.recommendedStrategy?.why;
  const ordered = [...strategies].sort((a, b) => (b.id === recommended) - (a.id === recommended));

  const state = { strategy: recommended, tone: "warm", inputs: {} };
  const composer = h("div", { className: "composer" });
  const preview = h("section", { className: "preview card", "aria-labelledby": "preview-title", "data-testid": "preview" });
  const insertButton = h("button", { type: "button", className: "primary", "data-testid": "insert", onClick: () => insert() },
    mailbox.itemMode() === "compose" ? "Insert into message" : "Insert");
  const result = h("div", { className: "insert-result" });

  const strategyFieldset = h("fieldset", { className: "strategies" },
    h("legend", null, "How to write"),
    ...ordered.map((strategy) => strategyOption(strategy, strategy.id === recommended ? recommendedWhy ?? strategy.why : null, state, () => {
      renderInputs();
      schedulePreview();
    })));
  const toneFieldset = h("fieldset", { className: "tones-group" },
    h("legend", null, "Tone"),
    h("div", { className: "tones" },
      ...["warm", "professional"].map((tone) => h("label", null,
        h("input", { type: "radio", name: "tone", value: tone, checked: tone === state.tone,
          onChange: () => { state.tone = tone; schedulePreview(); } }),
        tone === "warm" ? "Warm" : "Professional"))));

  show(view,
    backButton,
    h("article", { className: "person", "aria-labelledby": "person-name", "data-testid": "person" },
      history(merged, name),
      strategyFieldset,
      toneFieldset,
      composer,
      preview,
      h("div", { className: "actions" }, insertButton),
      result));
  document.getElementById("person-name")?.focus();

  /** Shows the chosen strategy's inputs, keeping what was typed. */
  function renderInputs() {
    const strategy = strategies.find((s) => s.id === state.strategy);
    show(composer, h("fieldset", null,
      h("legend", null, strategy?.title ?? "Details"),
      ...(strategy?.inputs ?? []).map((input) => field(input, state, schedulePreview))));
  }

  let timer = 0;
  let generation = 0;
  /** Asks for a new preview shortly after the last change. */
  function schedulePreview() {
    clearTimeout(timer);
    // The preview on screen no longer matches the choices: say so until the new one comes.
    preview.classList.add("updating");
    preview.setAttribute("aria-busy", "true");
    timer = setTimeout(updatePreview, previewDelayMilliseconds);
  }

  /** @returns {string[]} labels of required inputs still empty */
  function missingInputs() {
    const strategy = strategies.find((s) => s.id === state.strategy);
    return (strategy?.inputs ?? []).filter((i) => i.required && !(state.inputs[i.name] ?? "").trim()).map((i) => i.label);
  }

  /** @returns {object} the draft request for the current choices */
  function draftRequest() {
    const strategy = strategies.find((s) => s.id === state.strategy);
    const inputs = {};
    for (const input of strategy?.inputs ?? []) {
      const value = (state.inputs[input.name] ?? "").trim();
      if (value) inputs[input.name] = value;
    }
    return { personId: merged.personId, strategy: state.strategy, tone: state.tone, inputs };
  }

  /** Renders the preview of subject and body for the current choices. */
  async function updatePreview() {
    const mine = ++generation;
    const missing = missingInputs();
    insertButton.disabled = missing.length > 0;
    if (missing.length > 0) {
      preview.setAttribute("aria-busy", "false");
      preview.classList.remove("updating");
      show(preview, h("h3", { id: "preview-title" }, "Preview"),
        h("p", { className: "preview-status", "data-testid": "preview-status" }, `Fill in “${missing[0]}” to see the draft.`));
      return;
    }
    preview.setAttribute("aria-busy", "true");
    try {
      const draft = await createDraft(draftRequest());
      if (mine !== generation) return;
      renderPreview(preview, draft);
    } catch (error) {
      if (mine !== generation) return;
      show(preview, h("h3", { id: "preview-title" }, "Preview"), errorBar(error, updatePreview));
    } finally {
      if (mine === generation) {
        preview.setAttribute("aria-busy", "false");
        preview.classList.remove("updating");
      }
    }
  }

  /** Drafts with exactly what is on screen and puts it into Outlook, or shows it outside Outlook. */
  async function insert() {
    clearMessages();
    result.replaceChildren();
    insertButton.disabled = true;
    try {
      const draft = await createDraft(draftRequest());
      if (mailbox.isInOutlook()) {
        const where = await mailbox.insertDraft(draft);
        const done = where === "compose" ? "The draft is in your message." : "The draft is open in a new message.";
        showSuccess(done);
        announce(done);
      } else {
        const panel = finishedDraft(draft);
        result.append(panel);
        panel.focus();
        announce("Your draft is ready to copy.");
      }
    } catch (error) {
      showError(error, insert);
    } finally {
      insertButton.disabled = missingInputs().length > 0;
    }
  }

  renderInputs();
  updatePreview();
}

/**
 * The history at a glance.
 * @param {any} person the merged summary and GET /api/people/{id}
 * @param {string} name
 * @returns {HTMLElement}
 */
function history(person, name) {
  const sent = person.sentCount ?? person.sent ?? null;
  const received = person.receivedCount ?? person.received ?? null;
  const first = person.firstContact ?? earliest(person.firstSent, person.firstReceived);
  const last = person.lastContact ?? latest(person.lastSent, person.lastReceived);
  const series = person.quarters ?? person.history?.quarters ?? person.series ?? [];
  const lastEmail = latest(person.lastSent, person.lastReceived);
  const personal = person.lastPersonalContact ?? null;
  return h("section", { className: "person-header card", "aria-labelledby": "person-name" },
    h("h2", { id: "person-name", tabindex: "-1" }, name),
    person.addresses?.length ? h("p", { className: "addresses" }, person.addresses.join(", ")) : null,
    person.silenceText ? h("p", { className: "silence" }, `Silent for ${person.silenceText}.`) : null,
    person.reason ? h("p", { className: "muted small" }, person.reason) : null,
    quarterChart(series, name),
    h("dl", { className: "facts", "data-testid": "facts" },
      first ? [h("dt", null, "First exchange"), h("dd", null, formatDate(first))] : null,
      last ? [h("dt", null, "Last exchange"), h("dd", null, formatDate(last))] : null,
      // Silence counts from the last personal exchange: say so when a later one was only a crowd.
      personal && personal !== last ? [h("dt", null, "Last personal exchange"), h("dd", null, formatDate(personal))] : null,
      sent !== null ? [h("dt", null, "You sent"), h("dd", null, plural(sent, "message"))] : null,
      received !== null ? [h("dt", null, "They sent"), h("dd", null, plural(received, "message"))] : null,
      person.lastMet ? [h("dt", null, "Last met"), h("dd", null, formatDate(person.lastMet))] : null,
      person.lastMet ? [h("dt", null, "Last email"), h("dd", null, lastEmail ? formatDate(lastEmail) : "never")] : null,
      person.meetingCount ? [h("dt", null, "Meetings"), h("dd", null, plural(person.meetingCount, "meeting"))] : null));
}

/**
 * One strategy as a radio option with its description, and "why" when it is the recommended one.
 * @param {{id: string, title: string, description: string, why: string}} strategy
 * @param {string | null} why why it is recommended, or null when it isn't
 * @param {{strategy: string}} state
 * @param {() => void} changed
 * @returns {HTMLElement}
 */
function strategyOption(strategy, why, state, changed) {
  const isRecommended = why !== null;
  const id = `strategy-${strategy.id}`;
  return h("label", { className: "strategy-option", for: id, "data-strategy": strategy.id },
    h("input", { type: "radio", id, name: "strategy", value: strategy.id, checked: strategy.id === state.strategy,
      "aria-describedby": `${id}-description`,
      onChange: () => { state.strategy = strategy.id; changed(); } }),
    h("span", null, h("span", { className: "title" }, strategy.title), isRecommended ? h("span", { className: "recommended" }, "Recommended") : null),
    h("span", { className: "description", id: `${id}-description` }, strategy.description),
    isRecommended && why ? h("span", { className: "why", "data-testid": "why" }, `Why: ${why}`) : null);
}

/**
 * One input of a strategy.
 * @param {{name: string, label: string, placeholder: string, required: boolean, kind: string, maxLength: number}} input
 * @param {{inputs: Record<string, string>}} state
 * @param {() => void} changed
 * @returns {HTMLElement}
 */
function field(input, state, changed) {
  const id = `input-${input.name}`;
  const kind = input.kind ?? input.kindName ?? "text";
  const attributes = {
    id, name: input.name, placeholder: input.placeholder ?? "", maxlength: input.maxLength || null,
    required: Boolean(input.required), "aria-required": input.required ? "true" : null,
    onInput: (event) => { state.inputs[input.name] = event.target.value; changed(); },
  };
  const control = kind === "multiline"
    ? h("textarea", attributes)
    : h("input", { ...attributes, type: kind === "url" ? "url" : "text", inputmode: kind === "url" ? "url" : null });
  control.value = state.inputs[input.name] ?? "";
  return h("div", { className: "field" }, h("label", { for: id }, input.label, input.required ? h("span", { "aria-hidden": "true" }, " *") : null), control);
}

/**
 * Shows a draft: To, subject, and the HTML body in a sandboxed frame (no scripts can run in it).
 * @param {HTMLElement} preview
 * @param {{to: {name: string, address: string}[], subject: string, htmlBody: string}} draft
 */
function renderPreview(preview, draft) {
  const frame = h("iframe", { title: "Preview of the message body", sandbox: "allow-same-origin", "data-testid": "preview-body" });
  // A stylesheet link rather than inline <style>, so a strict Content-Security-Policy (style-src 'self') holds.
  frame.srcdoc = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/css/preview.css"></head><body>${draft.htmlBody}</body></html>`;
  frame.addEventListener("load", () => {
    const height = frame.contentDocument?.documentElement?.scrollHeight;
    if (height) frame.style.height = `${height + 4}px`;
  });
  show(preview,
    h("h3", { id: "preview-title" }, "Preview"),
    h("p", { className: "to" }, "To: ", draft.to.map((r) => (r.name ? `${r.name} <${r.address}>` : r.address)).join(", ")),
    h("p", { className: "subject", "data-testid": "preview-subject" }, draft.subject),
    frame);
  announce("Preview updated");
}

/** @param {...(string | null | undefined)} dates @returns {string | null} */
function earliest(...dates) {
  const valid = dates.filter(Boolean).sort();
  return valid[0] ?? null;
}

/** @param {...(string | null | undefined)} dates @returns {string | null} */
function latest(...dates) {
  const valid = dates.filter(Boolean).sort();
  return valid.at(-1) ?? null;
}
