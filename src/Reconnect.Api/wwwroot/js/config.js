/*
  The pane's settings, written into taskpane.html's <meta> tags by the API
  (TaskPaneExtensions): demo mode, and what MSAL needs to ask for the API's token.
*/
/* global document */

/**
 * Reads one reconnect-* meta tag.
 * @param {string} name the part after "reconnect-"
 * @returns {string} its content, or "" when absent or left as a placeholder
 */
function meta(name) {
  const value = document.querySelector(`meta[name="reconnect-${name}"]`)?.content ?? "";
  return value.startsWith("%") ? "" : value;
}

/** @type {{demo: boolean, clientId: string, apiScope: string, authority: string}} */
export const config = Object.freeze({
  demo: meta("demo") === "true",
  clientId: meta("client-id"),
  apiScope: meta("api-scope"),
  authority: meta("authority") || "https://login.microsoftonline.com/organizations",
});
