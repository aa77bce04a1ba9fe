/*
  Dates and counts as the pane shows them: "3 May 2024", "2 years, 6 months".
*/

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/**
 * @param {string | null | undefined} iso an ISO 8601 date
 * @returns {string} e.g. "3 May 2024", or "" when there is none
 */
export function formatDate(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : dateFormat.format(date);
}

/**
 * @param {number} count
 * @param {string} singular
 * @param {string} [plural]
 * @returns {string} e.g. "1 message", "3 messages"
 */
export function plural(count, singular, plural = `${singular}s`) {
  return `${count} ${count === 1 ? singular : plural}`;
}
