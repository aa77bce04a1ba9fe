/*
  Message bars (Fluent MessageBar): errors with a Retry button, and short confirmations.
  An error is always shown with words and a way forward, never as a blank pane.
*/
/* global document */
import { h, show } from "../dom.js";
import { resolveChallenge } from "../auth.js";

/**
 * Builds an error bar.
 * @param {{title?: string, detail?: string, message?: string}} error an ApiError, AuthError or Error
 * @param {(() => void) | null} [retry] what Retry does; no button without it
 * @returns {HTMLElement}
 */
export function errorBar(error, retry) {
  const title = error?.title || error?.message || "Something went wrong";
  const detail = error?.detail || "";
  // A consent or sign-in challenge: the button asks the user first, then retries.
  const challenge = error?.challenge;
  const action = retry && challenge
    ? h("button", { type: "button", className: "primary", onClick: () => resolveChallenge(challenge).then(retry, retry) },
      challenge.error === "consent_required" ? "Give consent" : "Sign in")
    : retry ? h("button", { type: "button", onClick: retry }, "Retry") : null;
  return h("div", { className: "message-bar error", "data-testid": "error" },
    h("span", { className: "message-text" }, h("strong", null, title), detail ? h("br") : null, detail),
    action);
}

/**
 * Shows an error in the top message area (role="alert"), replacing what was there.
 * @param {object} error
 * @param {(() => void) | null} [retry]
 */
export function showError(error, retry) {
  const area = document.getElementById("messages");
  show(area, errorBar(error, retry ? () => { clearMessages(); retry(); } : null));
}

/**
 * Shows a short success note in the top message area.
 * @param {string} text
 */
export function showSuccess(text) {
  show(document.getElementById("messages"), h("div", { className: "message-bar success", "data-testid": "success" }, h("span", { className: "message-text" }, text)));
}

/** Clears the top message area. */
export function clearMessages() {
  document.getElementById("messages").replaceChildren();
}
