/* global document */
/*
  The ranked suggestions: name, how long it has been, the reason, and snooze / dismiss /
  "not a person" actions that take the person off the list at once (and put them back, with an
  error, if the server refuses).
*/
import { getSuggestions, snoozePerson, dismissPerson, markNotAPerson } from "../api.js";
import { h, show, announce } from "../dom.js";
import { errorBar, showError, showSuccess, clearMessages } from "./messages.js";

const snoozeMonths = 3;

/**
 * Loads and shows the suggestions.
 * @param {HTMLElement} view the main area
 * @param {(suggestion: object) => void} openPerson called when a suggestion is opened
 * @returns {Promise<void>}
 */
export async function showSuggestions(view, openPerson) {
  show(view, h("p", { className: "loading" }, "Loading suggestions…"));
  let page;
  try {
    page = await getSuggestions(20);
  } catch (error) {
    show(view, errorBar(error, () => showSuggestions(view, openPerson)));
    return;
  }

  const items = page?.items ?? [];
  const list = h("ul", { className: "suggestions", "aria-labelledby": "suggestions-title", "data-testid": "suggestions" });
  const count = h("span", { className: "muted small", "data-testid": "suggestion-count" });
  const updateCount = () => {
    const n = list.children.length;
    count.textContent = n === 1 ? "1 person" : `${n} people`;
    if (n === 0 && list.isConnected) list.replaceWith(emptyState());
  };
  for (const suggestion of items) {
    list.append(suggestionItem(suggestion, openPerson, list, updateCount));
  }

  show(view,
    h("div", { className: "list-header" }, h("h2", { id: "suggestions-title" }, "People to reconnect with"), count),
    items.length === 0 ? emptyState() : list);
  if (items.length > 0) updateCount();
}

/**
 * What stands in for an empty list.
 * @returns {HTMLElement}
 */
function emptyState() {
  return h("div", { className: "empty card", "data-testid": "suggestions-empty" },
    h("p", null, "No one to reconnect with right now."),
    h("p", { className: "muted small" }, "People you've lost touch with for over a year show up here."));
}

/**
 * One suggestion: an open button and its actions.
 * @param {object} suggestion an item of GET /api/suggestions
 * @param {(suggestion: object) => void} openPerson
 * @param {HTMLElement} list
 * @param {() => void} updateCount
 * @returns {HTMLElement}
 */
function suggestionItem(suggestion, openPerson, list, updateCount) {
  const name = suggestion.displayName || suggestion.addresses?.[0] || "Unknown";
  const item = h("li", { className: "suggestion card", "data-person-id": suggestion.personId, "data-testid": "suggestion" });

  /**
   * Takes the person off the list now, and back on if the server says no.
   * @param {() => Promise<unknown>} call the API call
   * @param {string} done what to announce when it worked
   */
  const act = async (call, done) => {
    clearMessages();
    const next = item.nextElementSibling ?? item.previousElementSibling;
    const position = [...list.children].indexOf(item);
    item.remove();
    updateCount();
    (next?.querySelector(".suggestion-open") ?? document.getElementById("suggestions-title"))?.focus?.();
    try {
      await call();
      showSuccess(done);
      announce(done);
    } catch (error) {
      list.insertBefore(item, list.children[position] ?? null);
      if (!list.isConnected) document.querySelector("[data-testid=suggestions-empty]")?.replaceWith(list);
      updateCount();
      showError(error, () => act(call, done));
    }
  };

  item.append(
    h("button", { type: "button", className: "suggestion-open", onClick: () => openPerson(suggestion), "aria-describedby": `reason-${suggestion.personId}` },
      h("span", { className: "name" }, name),
      h("span", { className: "silence" }, suggestion.silenceText ? `Silent for ${suggestion.silenceText}` : ""),
      h("span", { className: "reason", id: `reason-${suggestion.personId}` }, suggestion.reason ?? "")),
    h("div", { className: "suggestion-actions", role: "group", "aria-label": `Actions for ${name}` },
      h("button", { type: "button", className: "subtle", "data-action": "snooze",
        "aria-label": `Snooze 3 months: ${name}`,
        onClick: () => act(() => snoozePerson(suggestion.personId, snoozeMonths), `${name} is snoozed for ${snoozeMonths} months.`) },
        "Snooze 3 months"),
      h("button", { type: "button", className: "subtle", "data-action": "dismiss",
        "aria-label": `Dismiss ${name}`,
        onClick: () => act(() => dismissPerson(suggestion.personId), `${name} won't be suggested again.`) },
        "Dismiss"),
      h("button", { type: "button", className: "subtle", "data-action": "not-a-person",
        "aria-label": `${name} is not a person`,
        onClick: () => act(() => markNotAPerson(suggestion.personId), `${name} is marked as not a person.`) },
        "Not a person")));
  return item;
}
