#!/usr/bin/env node
// Generates Reconnect's Outlook manifests for one origin (docs/outlook.md):
//   npm run manifest -- --origin https://localhost:7145 [--client-id GUID] [--app-id-uri api://...]
//                       [--addin-id GUID] [--version 1.0.0] [--out DIR]
// Writes DIR/manifest.xml (add-in-only) and DIR/unified/manifest.json + DIR/reconnect-app.zip
// (the unified manifest's app package). DIR defaults to manifest/out/<host>, which git ignores.
import path from "node:path";
import { parseArgs } from "node:util";
import { generateManifests, repoRoot } from "./manifests.mjs";

const { values: args } = parseArgs({
  options: {
    origin: { type: "string" },
    "client-id": { type: "string" },
    "app-id-uri": { type: "string" },
    "addin-id": { type: "string" },
    version: { type: "string" },
    out: { type: "string" },
  },
});

if (!args.origin) {
  console.error("Usage: npm run manifest -- --origin https://localhost:7145 [--client-id GUID] [--app-id-uri api://host/GUID] [--addin-id GUID] [--out DIR]");
  process.exit(2);
}
if (!args["client-id"]) {
  console.warn("No --client-id: SSO stays off (fine for the Development demo, which needs no token).");
}

const host = new URL(args.origin).host.replace(/[^a-z0-9.-]/gi, "_");
const out = path.resolve(args.out ?? path.join(repoRoot, "manifest", "out", host));
const written = generateManifests({
  origin: args.origin,
  out,
  clientId: args["client-id"],
  appIdUri: args["app-id-uri"],
  addinId: args["addin-id"],
  version: args.version,
});
console.log(`Add-in id ${written.values.ADDIN_ID} for ${written.values.ORIGIN}`);
console.log(`  XML manifest:      ${written.xml}`);
console.log(`  unified manifest:  ${written.json}`);
console.log(`  app package (zip): ${written.zip}`);
