// Produces Reconnect's two Outlook manifests for one origin from the templates in manifest/:
// the add-in-only XML manifest and the unified JSON manifest (with its icons, zipped as an app
// package for sideloading). Used by generate-manifests.mjs (the CLI) and validate-manifests.mjs.
import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../../../..");
export const templates = path.join(repoRoot, "manifest");
export const assets = path.join(repoRoot, "src/Reconnect.Api/wwwroot/assets");

/**
 * A stable GUID for a name (SHA-1 based, RFC 4122 version 5 layout), so each origin gets its own
 * add-in id without anyone inventing one.
 * @param {string} name
 * @returns {string}
 */
export function stableGuid(name) {
  const hash = createHash("sha1").update(`reconnect-outlook-addin:${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Works out every value the templates need.
 * @param {{origin: string, addinId?: string, clientId?: string, appIdUri?: string, version?: string}} options
 * @returns {Record<string, string>}
 */
export function manifestValues(options) {
  const url = new URL(options.origin);
  if (url.protocol !== "https:") {
    throw new Error(`The origin must be https (Outlook loads add-ins only over TLS): ${options.origin}`);
  }
  const origin = url.origin;
  const clientId = options.clientId || "00000000-0000-0000-0000-000000000000";
  const version = options.version || "1.0.0";
  return {
    ORIGIN: origin,
    HOST: url.host,
    ADDIN_ID: options.addinId || stableGuid(origin),
    CLIENT_ID: clientId,
    APP_ID_URI: options.appIdUri || `api://${url.host}/${clientId}`,
    VERSION: version,
    XML_VERSION: `${version}.0`.split(".").slice(0, 4).join("."),
  };
}

/**
 * @param {string} template text with {{NAME}} placeholders
 * @param {Record<string, string>} values
 * @param {(value: string) => string} escape how a value is written into this kind of file
 * @returns {string}
 */
function fill(template, values, escape) {
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (match, name) => {
    if (!(name in values)) throw new Error(`No value for ${match}`);
    return escape(values[name]);
  });
  return text;
}

const xmlEscape = (v) => v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const jsonEscape = (v) => JSON.stringify(v).slice(1, -1);

/**
 * Writes manifest.xml, and the unified manifest (unified/manifest.json, its icons, and
 * reconnect-app.zip) into a folder.
 * @param {{origin: string, out: string, addinId?: string, clientId?: string, appIdUri?: string, version?: string}} options
 * @returns {{xml: string, json: string, zip: string, values: Record<string, string>}} the paths written
 */
export function generateManifests(options) {
  const values = manifestValues(options);
  mkdirSync(options.out, { recursive: true });

  const xml = path.join(options.out, "manifest.xml");
  writeFileSync(xml, fill(readFileSync(path.join(templates, "manifest.template.xml"), "utf8"),
    { ...values, VERSION: values.XML_VERSION }, xmlEscape));

  const unified = path.join(options.out, "unified");
  mkdirSync(path.join(unified, "assets"), { recursive: true });
  const json = path.join(unified, "manifest.json");
  const manifestText = fill(readFileSync(path.join(templates, "manifest.template.json"), "utf8"), values, jsonEscape);
  JSON.parse(manifestText); // fails here, naming the problem, rather than in Outlook
  writeFileSync(json, manifestText);
  const packaged = { "manifest.json": Buffer.from(manifestText) };
  for (const icon of ["icon-192.png", "outline-32.png"]) {
    copyFileSync(path.join(assets, icon), path.join(unified, "assets", icon));
    packaged[`assets/${icon}`] = readFileSync(path.join(assets, icon));
  }
  const zip = path.join(options.out, "reconnect-app.zip");
  writeFileSync(zip, zipFiles(packaged));
  return { xml, json, zip, values };
}

/**
 * A minimal zip writer (deflate, no extras): enough for an app package of three files.
 * @param {Record<string, Buffer>} files name to content
 * @returns {Buffer}
 */
function zipFiles(files) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = deflateRawSync(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10); local.writeUInt16LE(0x21, 12); local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18); local.writeUInt32LE(content.length, 22); local.writeUInt16LE(nameBytes.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8); central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12); central.writeUInt16LE(0x21, 14); central.writeUInt32LE(crc, 16); central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8); end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(centralSize, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** @param {Buffer} buffer @returns {number} the CRC-32 zip uses */
function crc32(buffer) {
  let c = ~0;
  for (const byte of buffer) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
