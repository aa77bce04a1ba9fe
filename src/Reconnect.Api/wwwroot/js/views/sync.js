/*
  First run: starts the mailbox sync if it never ran and shows its progress (messages processed
  of estimated, then "Done"), polling GET /api/sync until it completes or fails.
*/
import { getSync, startSync } from "../api.js";
import { h, show, announce } from "../dom.js";
import { errorBar } from "./messages.js";

const pollMilliseconds = 400;
const doneMilliseconds = 900;

/**
 * Makes sure the mailbox has been synced, showing progress in the view while it runs.
 * @param {HTMLElement} view the main area
 * @returns {Promise<boolean>} once a sync has completed: false at once when one already had, true after running one
 */
export async function ensureSynced(view) {
  let status = await getSync();
  if (status.state === "completed") {
    return false;
  }
  if (status.state === "idle" || status.state === "failed") {
    status = await startSync();
  }

  const progress = h("progress", { id: "sync-progress", "aria-labelledby": "sync-label" });
  const label = h("p", { id: "sync-label", "data-testid": "sync-label" }, "Starting…");
  show(view, h("section", { className: "sync card", "aria-labelledby": "sync-title", "aria-busy": "true" },
    h("h2", { id: "sync-title" }, "Reading your mailbox"),
    h("p", { className: "muted small" }, "Only the envelopes: who wrote to whom, and when. No message bodies."),
    progress, label));
  announce("Reading your mailbox");

  for (;;) {
    render(status, progress, label);
    if (status.state === "completed") break;
    if (status.state === "failed") {
      throw Object.assign(new Error("The mailbox sync failed"), {
        title: "The mailbox sync failed",
        detail: status.error || "Reconnect couldn't read your mailbox.",
      });
    }
    await delay(pollMilliseconds);
    status = await getSync();
  }

  progress.closest("section").setAttribute("aria-busy", "false");
  label.textContent = `Done: ${status.messagesProcessed.toLocaleString("en")} messages read.`;
  announce("Done reading your mailbox");
  await delay(doneMilliseconds);
  return true;
}

/**
 * @param {{state: string, messagesProcessed: number, messagesEstimated: number}} status
 * @param {HTMLProgressElement} progress
 * @param {HTMLElement} label
 */
function render(status, progress, label) {
  const processed = status.messagesProcessed ?? 0;
  const estimated = Math.max(status.messagesEstimated ?? 0, processed);
  if (status.state === "completed") {
    progress.max = Math.max(processed, 1);
    progress.value = progress.max;
    return;
  }
  if (estimated > 0) {
    progress.max = estimated;
    progress.value = processed;
    label.textContent = `${processed.toLocaleString("en")} of about ${estimated.toLocaleString("en")} messages`;
  } else {
    progress.removeAttribute("value");
    label.textContent = "Starting…";
  }
}

/**
 * Shows a failed sync with a Retry that starts it again.
 * @param {HTMLElement} view
 * @param {object} error
 * @param {() => void} retry
 */
export function showSyncError(view, error, retry) {
  show(view, errorBar(error, retry));
}

/** @param {number} ms @returns {Promise<void>} */
function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
