/*
  The one place that talks to the Reconnect API: callApi owns fetch, the bearer token and the
  ProblemDetails errors; the named helpers below are the calls the pane makes.
*/
/* global fetch */
import { getAccessToken } from "./auth.js";

/** A failed API call, with the ProblemDetails title and detail to show the user. */
export class ApiError extends Error {
  /**
   * @param {number} status the HTTP status, 0 when the service could not be reached
   * @param {string} title a short summary
   * @param {string} [detail] more about it
   * @param {Record<string, string[]>} [errors] validation errors by field
   * @param {{error: string, scopes: string[], claims: string | null} | null} [challenge] what the user must
   *   consent to or sign in for before Graph can be read (a 403 from the API's Graph session)
   */
  constructor(status, title, detail, errors, challenge) {
    super(title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail ?? "";
    this.errors = errors ?? {};
    this.challenge = challenge ?? null;
  }
}

/**
 * Calls the API and returns its JSON.
 * @param {string} method GET, POST ...
 * @param {string} endpoint a path such as /api/suggestions
 * @param {unknown} [data] a body, sent as JSON
 * @returns {Promise<any>} the parsed JSON, or null for an empty answer
 */
export async function callApi(method, endpoint, data) {
  const token = await getAccessToken();
  const headers = { Accept: "application/json" };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (data !== undefined) {
    headers["Content-Type"] = "application/json";
  }

  let response;
  try {
    response = await fetch(endpoint, { method, headers, body: data === undefined ? undefined : JSON.stringify(data) });
  } catch {
    throw new ApiError(0, "Reconnect's service can't be reached", "Check your connection, then try again.");
  }

  if (!response.ok) {
    throw await toApiError(response);
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The API's Graph challenges (docs/deployment.md, "Consent and claims challenges"). */
const challengeErrors = new Set(["consent_required", "insufficient_claims", "interaction_required"]);

/**
 * Reads a ProblemDetails answer (or whatever came back) into an ApiError.
 * @param {Response} response a failed response
 * @returns {Promise<ApiError>} the error to throw
 */
async function toApiError(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch {
    // Not JSON: a proxy's error page, say. The status alone has to do.
  }
  const title = problem.title || defaultTitle(response.status);
  const detail = problem.detail || (response.status >= 500 ? "Something went wrong on Reconnect's side. Try again in a moment." : "");
  const challenge = challengeErrors.has(problem.error)
    ? { error: problem.error, scopes: problem.scopes ?? [], claims: problem.claims ?? null }
    : null;
  return new ApiError(response.status, title, detail, problem.errors, challenge);
}

/**
 * @param {number} status an HTTP status
 * @returns {string} a title for a status that came without one
 */
function defaultTitle(status) {
  if (status === 401 || status === 403) return "Reconnect couldn't sign you in";
  if (status === 404) return "Not found";
  if (status >= 500) return "Reconnect's service had a problem";
  return `The request failed (${status})`;
}

/** @returns {Promise<{state: string, messagesProcessed: number, messagesEstimated: number, error: string | null}>} */
export const getSync = () => callApi("GET", "/api/sync");

/** @returns {Promise<object>} the sync status right after starting */
export const startSync = () => callApi("POST", "/api/sync");

/**
 * @param {number} take how many suggestions
 * @returns {Promise<{items: object[]}>} the ranked suggestions
 */
export const getSuggestions = (take = 20) => callApi("GET", `/api/suggestions?take=${take}`);

/**
 * Snoozes for whole months, counted by the server's clock (which may be fixed by Clock:Now).
 * @param {string} personId the person
 * @param {number} months 1 or 3
 * @returns {Promise<null>}
 */
export const snoozePerson = (personId, months) => callApi("POST", `/api/people/${encodeURIComponent(personId)}/snooze`, { months });

/** @param {string} personId @returns {Promise<null>} */
export const dismissPerson = (personId) => callApi("POST", `/api/people/${encodeURIComponent(personId)}/dismiss`);

/** @param {string} personId @returns {Promise<null>} */
export const markNotAPerson = (personId) => callApi("POST", `/api/people/${encodeURIComponent(personId)}/not-a-person`);

/** @param {string} personId @returns {Promise<object>} the person and their history */
export const getPerson = (personId) => callApi("GET", `/api/people/${encodeURIComponent(personId)}`);

/** @param {string} address an email address @returns {Promise<object>} the person's summary (404 when unknown) */
export const lookupPerson = (address) => callApi("GET", `/api/people/lookup?address=${encodeURIComponent(address)}`);

/** @returns {Promise<object[]>} the strategies with their inputs */
export const getStrategies = () => callApi("GET", "/api/strategies");

/**
 * @param {{personId: string, strategy: string, tone: string, inputs: Record<string, string>}} request
 * @returns {Promise<{to: {name: string, address: string}[], subject: string, htmlBody: string, textBody: string}>}
 */
export const createDraft = (request) => callApi("POST", "/api/drafts", request);
