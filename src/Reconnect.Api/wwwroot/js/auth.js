/*
  The API's access token. Nested app authentication first (MSAL.js
  createNestablePublicClientApplication, when Outlook supports NestedAppAuth 1.1), then
  Office.auth.getAccessToken as the fallback. In demo mode the API signs the demo user in
  itself, so no token is asked for.
*/
/* global Office, window, atob, TextDecoder */
import { config } from "./config.js";

/** A sign-in problem the user can act on (consent, sign-in) or that needs the admin. */
export class AuthError extends Error {
  /**
   * @param {string} code a short machine-readable code, e.g. "consent_required"
   * @param {string} title what went wrong, for the user
   * @param {string} detail what to do about it
   */
  constructor(code, title, detail) {
    super(title);
    this.name = "AuthError";
    this.code = code;
    this.title = title;
    this.detail = detail;
  }
}

/** @type {Promise<any> | null} the nestable MSAL client, created once */
let nestedClient = null;

/**
 * Gets a token for the Reconnect API.
 * @returns {Promise<string | null>} the bearer token, or null in demo mode
 */
export async function getAccessToken() {
  if (config.demo) {
    return null;
  }
  if (!config.clientId || !config.apiScope) {
    throw new AuthError("not_configured", "Sign-in is not set up", "The server has no AzureAd client id or API scope configured for the task pane.");
  }
  if (canUseNestedAppAuth()) {
    try {
      return await getNestedAppToken();
    } catch (error) {
      // Fall through to Office SSO: NAA can be refused by older hosts or tenants.
      console.warn("Nested app authentication failed; trying Office SSO.", error);
    }
  }
  return getOfficeSsoToken();
}

/**
 * @returns {boolean} whether MSAL's nestable client can run in this host
 */
function canUseNestedAppAuth() {
  return Boolean(window.msal?.createNestablePublicClientApplication)
    && Boolean(window.Office?.context?.requirements?.isSetSupported?.("NestedAppAuth", "1.1"));
}

/**
 * Silent first, then a popup (which Outlook brokers), as the NAA samples do.
 * @returns {Promise<string>} the access token
 */
async function getNestedAppToken() {
  nestedClient ??= window.msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority },
  });
  const client = await nestedClient;
  const request = { scopes: [config.apiScope] };
  try {
    return (await client.acquireTokenSilent(request)).accessToken;
  } catch {
    return (await client.acquireTokenPopup(request)).accessToken;
  }
}

/**
 * Office's own SSO; its error codes become messages the user can act on.
 * @returns {Promise<string>} the access token
 */
async function getOfficeSsoToken() {
  if (!window.Office?.auth?.getAccessToken) {
    throw new AuthError("no_host", "Sign-in needs Outlook", "Open Reconnect from Outlook to sign in.");
  }
  try {
    return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
  } catch (error) {
    switch (error?.code) {
      case 13001:
        throw new AuthError("sign_in_required", "You're not signed in", "Sign in to Outlook, then try again.");
      case 13002:
        throw new AuthError("consent_required", "Consent needed", "Reconnect needs your consent to read your mail's envelopes. Try again and accept the prompt.");
      case 13006:
        throw new AuthError("client_error", "Outlook couldn't sign you in", "Close and reopen the task pane, then try again.");
      case 13008:
        throw new AuthError("in_progress", "Sign-in is still in progress", "Wait a moment, then try again.");
      default:
        throw new AuthError("consent_required", "Consent needed", `Reconnect couldn't get permission to call its service${error?.code ? ` (Office error ${error.code})` : ""}. An administrator may need to consent for your organization.`);
    }
  }
}

/**
 * Lets the user answer a Graph challenge from the API (consent, a claims challenge, sign-in) with
 * an interactive MSAL request for the scopes and claims it names; the caller then retries.
 * @param {{error: string, scopes: string[], claims: string | null}} challenge
 * @returns {Promise<void>}
 */
export async function resolveChallenge(challenge) {
  if (config.demo || !canUseNestedAppAuth()) {
    // Office SSO has no way to ask for more; a new token after the user signs in again is all there is.
    return;
  }
  nestedClient ??= window.msal.createNestablePublicClientApplication({
    auth: { clientId: config.clientId, authority: config.authority },
  });
  const client = await nestedClient;
  const claims = challenge.claims ? decodeBase64Url(challenge.claims) : undefined;
  await client.acquireTokenPopup({ scopes: challenge.scopes.length > 0 ? challenge.scopes : [config.apiScope], claims });
}

/**
 * @param {string} value base64url without padding
 * @returns {string} the decoded text
 */
function decodeBase64Url(value) {
  const base64 = value.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(value.length / 4) * 4, "=");
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}
