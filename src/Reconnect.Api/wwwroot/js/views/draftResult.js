/*
  Outside Outlook (a plain browser, the demo), Insert can't reach a message: it shows the
  finished draft instead, with Copy and a mailto: link.
*/
/* global navigator, window, ClipboardItem, Blob */
import { h, announce } from "../dom.js";

/**
 * Builds the finished-draft panel.
 * @param {{to: {name: string, address: string}[], subject: string, htmlBody: string, textBody: string}} draft
 * @returns {HTMLElement}
 */
export function finishedDraft(draft) {
  const to = draft.to.map((r) => r.address).join(",");
  const mailto = `mailto:${to.split(",").map(encodeURIComponent).join(",")}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(draft.textBody)}`;
  const status = h("span", { className: "muted small", role: "status" });
  const copy = async () => {
    try {
      if (window.ClipboardItem && navigator.clipboard?.write) {
        await navigator.clipboard.write([new ClipboardItem({
          "text/html": new Blob([draft.htmlBody], { type: "text/html" }),
          "text/plain": new Blob([draft.textBody], { type: "text/plain" }),
        })]);
      } else {
        await navigator.clipboard.writeText(draft.textBody);
      }
      status.textContent = "Copied.";
    } catch {
      text.select();
      status.textContent = "Select-all is done: press Ctrl+C to copy.";
    }
    announce(status.textContent);
  };
  const text = h("textarea", { id: "finished-text", readonly: true, "aria-label": "The finished draft", "data-testid": "finished-text" });
  text.value = `To: ${draft.to.map((r) => (r.name ? `${r.name} <${r.address}>` : r.address)).join(", ")}\nSubject: ${draft.subject}\n\n${draft.textBody}`;
  return h("section", { className: "finished-draft card", "aria-labelledby": "finished-title", "data-testid": "finished-draft", tabindex: "-1" },
    h("h3", { id: "finished-title" }, "Your draft is ready"),
    h("p", { className: "muted small" }, "Outlook isn't here, so copy it or open it in your mail app."),
    text,
    h("div", { className: "actions" },
      h("button", { type: "button", className: "primary", onClick: copy }, "Copy"),
      h("a", { className: "button", href: mailto, "data-testid": "mailto" }, "Open in mail app"),
      status));
}
