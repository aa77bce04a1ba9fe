/*
  Read mode: a card on top about the sender of the open message: when the user last
  corresponded with them, and whether they have gone stale.
*/
import { lookupPerson, ApiError } from "../api.js";
import { h, show } from "../dom.js";
import { formatDate } from "../format.js";
import { errorBar } from "./messages.js";

/**
 * Fills the read-mode card for a sender, or hides it when there is none.
 * @param {HTMLElement} card the #read-card section
 * @param {{displayName: string, emailAddress: string} | null} sender
 * @param {(person: object) => void} openPerson opens the person (for a stale sender)
 * @returns {Promise<void>}
 */
export async function showReadCard(card, sender, openPerson) {
  if (!sender) {
    card.hidden = true;
    return;
  }
  card.hidden = false;
  card.className = "read-card card";
  card.setAttribute("data-testid", "read-card");
  const name = sender.displayName || sender.emailAddress;
  show(card, h("p", { className: "muted small" }, `Looking up ${name}…`));

  let person;
  try {
    person = await lookupPerson(sender.emailAddress);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      show(card, h("h2", null, name), h("p", null, "You haven't corresponded with them yet."));
      return;
    }
    show(card, errorBar(error, () => showReadCard(card, sender, openPerson)));
    return;
  }

  const last = formatDate(person.lastContact);
  show(card,
    h("h2", null, person.displayName || name),
    h("p", null, last ? `You last corresponded on ${last}.` : "You haven't corresponded yet."),
    person.stale
      ? h("p", { className: "stale", "data-testid": "stale" }, `Stale: silent for ${person.silenceText ?? "over a year"}.`)
      : h("p", { className: "fresh", "data-testid": "not-stale" }, "Not stale: you're in touch."),
    person.stale && person.personId
      ? h("button", { type: "button", className: "primary", onClick: () => openPerson(person) }, "Write to reconnect")
      : null);
}
