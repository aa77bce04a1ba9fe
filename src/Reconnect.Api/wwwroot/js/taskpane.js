/*
  The task pane's entry point: Office.onReady, then wiring. It decides what the pane shows
  (first-run sync, suggestions, a person, the read-mode card) and nothing else; each view and
  the API, auth and Office adapters live in their own modules.
*/
/* global Office, document, window, CSS */
import { config } from "./config.js";
import * as mailbox from "./mailbox.js";
import { ensureSynced, showSyncError } from "./views/sync.js";
import { showSuggestions } from "./views/suggestions.js";
import { showPerson } from "./views/person.js";
import { showReadCard } from "./views/readCard.js";
import { clearMessages } from "./views/messages.js";

const view = document.getElementById("view");
const readCard = document.getElementById("read-card");
const badge = document.getElementById("mode-badge");

/**
 * Starts the pane once Office (or a plain browser) is ready.
 * @param {{host?: string | null, platform?: string | null}} info what Office.onReady says
 */
async function start(info) {
  mailbox.initialize(info);
  badge.hidden = false;
  badge.textContent = mailbox.isInOutlook() ? (mailbox.itemMode() === "compose" ? "Compose" : "Outlook") : (config.demo ? "Demo" : "Browser");

  refreshReadCard();
  mailbox.onItemChanged(refreshReadCard);
  await firstRun();
}

/** Shows the card about the open message's sender (read mode only). */
function refreshReadCard() {
  showReadCard(readCard, mailbox.readModeSender(), openPerson);
}

/** Syncs the mailbox if it never was, then lists the suggestions; errors offer a retry. */
async function firstRun() {
  clearMessages();
  try {
    if (await ensureSynced(view)) {
      // The first sync just built the people: look the sender up again.
      refreshReadCard();
    }
  } catch (error) {
    showSyncError(view, error, firstRun);
    return;
  }
  await showList();
}

/** Shows the suggestions. */
async function showList() {
  await showSuggestions(view, openPerson);
  view.querySelector("h2")?.setAttribute("tabindex", "-1");
}

/**
 * Opens a person.
 * @param {object} summary a suggestion or a looked-up person
 */
function openPerson(summary) {
  showPerson(view, summary, () => {
    clearMessages();
    showList().then(() => {
      (view.querySelector(`[data-person-id="${CSS.escape(summary.personId)}"] .suggestion-open`) ?? view.querySelector("h2"))?.focus();
    });
  });
}

if (window.Office?.onReady) {
  Office.onReady(start);
} else {
  // Office.js didn't load (blocked, offline): the pane still works as in a plain browser.
  start({ host: null, platform: null });
}
