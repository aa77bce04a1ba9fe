#!/usr/bin/env node
// Checks both manifests offline, for a sideloading and a production origin:
//  - the unified JSON manifest against the schema bundled in @microsoft/app-manifest;
//  - the XML manifest parses, is a MailApp with what Reconnect needs, and converts with
//    office-addin-manifest-converter into a unified manifest that validates against its schema.
// Exit code 0 when all is well; every problem is printed. Run by the test suite (ManifestTests).
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { generateManifests } from "./manifests.mjs";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");
const { DOMParser } = require("@xmldom/xmldom");
const { convert } = require("office-addin-manifest-converter");

const schemaRoot = path.join(path.dirname(require.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");
const problems = [];

/**
 * The bundled schema a manifest names in $schema (never fetched).
 * @param {{$schema: string}} manifest
 * @returns {object}
 */
function bundledSchema(manifest) {
  const version = /\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json/.exec(manifest.$schema ?? "")?.[1];
  const file = version && path.join(schemaRoot, version, "MicrosoftTeams.schema.json");
  if (!file || !existsSync(file)) throw new Error(`No bundled schema for ${manifest.$schema}`);
  // The published schema has an invalid regex escape (\a) that the package's own fetch also replaces.
  return JSON.parse(readFileSync(file, "utf8").replace(/\\a/g, "\\x07"));
}

/**
 * @param {string} label
 * @param {string} file a manifest.json
 */
async function validateJson(label, file) {
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, bundledSchema(manifest));
  for (const error of errors) problems.push(`${label}: ${error}`);
  if (errors.length === 0) console.log(`ok   ${label} (${manifest.manifestVersion})`);
}

/**
 * @param {string} label
 * @param {string} file a manifest.xml
 * @param {Record<string, string>} values what was filled in
 */
function checkXml(label, file, values) {
  const text = readFileSync(file, "utf8");
  const before = problems.length;
  const parseErrors = [];
  const document = new DOMParser({ onError: (level, message) => { if (level !== "warning") parseErrors.push(message); } })
    .parseFromString(text, "text/xml");
  for (const message of parseErrors) problems.push(`${label}: XML does not parse: ${message}`);
  const root = document.documentElement;
  const expect = (condition, message) => { if (!condition) problems.push(`${label}: ${message}`); };
  const first = (name) => document.getElementsByTagName(name)[0];
  const all = (name) => Array.from(document.getElementsByTagName(name));
  expect(root?.localName === "OfficeApp", "the root is not OfficeApp");
  expect(root?.getAttribute("xsi:type") === "MailApp", "it is not a MailApp");
  expect(/^[0-9a-f-]{36}$/i.test(first("Id")?.textContent ?? ""), "Id is not a GUID");
  expect(first("Permissions")?.textContent === "ReadWriteItem", "Permissions is not ReadWriteItem");
  expect(all("Set").some((s) => s.getAttribute("Name") === "Mailbox" && s.getAttribute("MinVersion") === "1.6"), "Mailbox 1.6 is not required");
  const surfaces = all("ExtensionPoint").map((e) => e.getAttribute("xsi:type"));
  expect(surfaces.includes("MessageReadCommandSurface") && surfaces.includes("MessageComposeCommandSurface"), `task pane buttons on read and compose are missing (${surfaces})`);
  const images = all("bt:Image").filter((i) => i.getAttribute("id")).map((i) => i.getAttribute("DefaultValue"));
  for (const size of [16, 32, 80]) expect(images.includes(`${values.ORIGIN}/assets/icon-${size}.png`), `no ${size} px button icon`);
  expect(first("IconUrl")?.getAttribute("DefaultValue") === `${values.ORIGIN}/assets/icon-64.png`, "IconUrl is not the 64 px icon");
  expect(first("HighResolutionIconUrl")?.getAttribute("DefaultValue") === `${values.ORIGIN}/assets/icon-128.png`, "HighResolutionIconUrl is not the 128 px icon");
  expect(all("AppDomain").some((d) => d.textContent === values.ORIGIN), "AppDomains lacks the origin");
  const web = first("WebApplicationInfo");
  expect(web?.getElementsByTagName("Id")[0]?.textContent === values.CLIENT_ID, "WebApplicationInfo Id is not the client id");
  expect(web?.getElementsByTagName("Resource")[0]?.textContent === values.APP_ID_URI, "WebApplicationInfo Resource is not the app id URI");
  expect(!text.includes("{{"), "a placeholder was left unfilled");
  if (problems.length === before) console.log(`ok   ${label}`);
}

const origins = [
  { origin: "https://localhost:7145" },
  { origin: "https://reconnect.contoso.example", clientId: "8d2f3a9e-5b1c-4e07-9f6d-3a2b1c0d9e8f" },
];
const work = mkdtempSync(path.join(os.tmpdir(), "reconnect-manifests-"));
try {
  for (const [i, options] of origins.entries()) {
    const out = path.join(work, String(i));
    const written = generateManifests({ ...options, out });
    await validateJson(`unified manifest for ${options.origin}`, written.json);
    checkXml(`XML manifest for ${options.origin}`, written.xml, written.values);
    const converted = path.join(out, "converted");
    await convert(written.xml, converted, false, undefined, undefined, false);
    await validateJson(`XML manifest for ${options.origin}, converted`, path.join(converted, "manifest.json"));
  }
} catch (error) {
  problems.push(`failed: ${error?.stack ?? error}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(problems.map((p) => `FAIL ${p}`).join("\n"));
  process.exit(1);
}
console.log("Both manifests are valid.");
