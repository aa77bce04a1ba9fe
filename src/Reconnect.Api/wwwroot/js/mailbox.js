/*
  The Office.js adapter: what the pane needs from Outlook, and nothing else. Knows whether it
  runs in Outlook, in compose or read mode; inserts a draft (setSelectedDataAsync in compose,
  displayNewMessageForm otherwise); tells who sent the message being read.
*/
/* global Office, window */

/** @type {{host: string | null, platform: string | null}} */
let hostInfo = { host: null, platform: null };

/**
 * Remembers what Office.onReady said.
 * @param {{host?: string | null, platform?: string | null} | undefined} info
 */
export function initialize(info) {
  hostInfo = { host: info?.host ?? null, platform: info?.platform ?? null };
}

/** @returns {boolean} whether the pane runs inside Outlook (not a plain browser) */
export function isInOutlook() {
  return Boolean(window.Office) && hostInfo.host === Office.HostType.Outlook && Boolean(Office.context?.mailbox);
}

/** @returns {any} the open item, or null */
function currentItem() {
  return isInOutlook() ? Office.context.mailbox.item ?? null : null;
}

/** @returns {"compose" | "read" | null} the mode of the open item */
export function itemMode() {
  const item = currentItem();
  if (!item) return null;
  // A compose item's body can be written to; a read item's can't.
  return typeof item.body?.setSelectedDataAsync === "function" ? "compose" : "read";
}

/** @returns {{displayName: string, emailAddress: string} | null} the sender of the message being read */
export function readModeSender() {
  const item = currentItem();
  if (itemMode() !== "read" || !item.from?.emailAddress) return null;
  return { displayName: item.from.displayName ?? "", emailAddress: item.from.emailAddress };
}

/**
 * Calls back when the user opens another item in a pinned pane.
 * @param {() => void} handler
 */
export function onItemChanged(handler) {
  if (!isInOutlook() || !Office.context.mailbox.addHandlerAsync) return;
  Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, handler);
}

/**
 * Runs an Office async method and turns its callback into a promise.
 * @param {(callback: (result: any) => void) => void} start calls the method with the callback
 * @returns {Promise<any>} the result's value
 */
function officeAsync(start) {
  return new Promise((resolve, reject) => {
    start((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        resolve(result.value);
      } else {
        reject(new Error(result.error?.message ?? "Outlook refused the change."));
      }
    });
  });
}

/**
 * Puts a draft into Outlook: into the message being written (body at the cursor, subject if
 * empty, the person added to To if missing), or into a new message form.
 * @param {{to: {name: string, address: string}[], subject: string, htmlBody: string}} draft
 * @returns {Promise<"compose" | "new">} where it went
 */
export async function insertDraft(draft) {
  const recipients = draft.to.map((r) => ({ displayName: r.name ?? r.address, emailAddress: r.address }));
  const item = currentItem();
  if (itemMode() === "compose") {
    await officeAsync((cb) => item.body.setSelectedDataAsync(draft.htmlBody, { coercionType: Office.CoercionType.Html }, cb));
    const subject = await officeAsync((cb) => item.subject.getAsync(cb));
    if (!subject || !subject.trim()) {
      await officeAsync((cb) => item.subject.setAsync(draft.subject, cb));
    }
    const present = await officeAsync((cb) => item.to.getAsync(cb));
    const known = new Set((present ?? []).map((r) => (r.emailAddress ?? "").toLowerCase()));
    const missing = recipients.filter((r) => !known.has(r.emailAddress.toLowerCase()));
    if (missing.length > 0) {
      await officeAsync((cb) => item.to.addAsync(missing, cb));
    }
    return "compose";
  }

  Office.context.mailbox.displayNewMessageForm({
    toRecipients: recipients,
    subject: draft.subject,
    htmlBody: draft.htmlBody,
  });
  return "new";
}
