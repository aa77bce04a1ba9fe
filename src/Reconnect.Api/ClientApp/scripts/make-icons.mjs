// Draws the add-in's icon (two linked rings on Fluent's brand blue) at the sizes the manifests
// name, as PNG files in wwwroot/assets. Run once by hand (`node scripts/make-icons.mjs`); the
// PNGs are committed. No image library: a 4x4-supersampled rasteriser and Node's zlib.
import { deflateSync } from "node:zlib";
import { writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../wwwroot/assets");
mkdirSync(out, { recursive: true });

const brand = [0x0f, 0x6c, 0xbd];
const white = [0xff, 0xff, 0xff];

/** Colour and coverage of the icon at (x, y) in a 0..1 square. */
function sample(x, y, outlineOnly) {
  const r = 0.2; // corner radius
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  if (!inside) return null;
  const ring = (ox, oy) => Math.abs(Math.hypot(x - ox, y - oy) - 0.2) <= 0.055;
  if (ring(0.38, 0.5) || ring(0.62, 0.5)) return white;
  return outlineOnly ? null : brand;
}

function png(size, outlineOnly = false) {
  const n = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let rgb = [0, 0, 0], hits = 0;
      for (let sy = 0; sy < n; sy++) for (let sx = 0; sx < n; sx++) {
        const c = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, outlineOnly);
        if (c) { hits++; rgb = rgb.map((v, i) => v + c[i]); }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = hits ? Math.round(rgb[0] / hits) : 0;
      raw[o + 1] = hits ? Math.round(rgb[1] / hits) : 0;
      raw[o + 2] = hits ? Math.round(rgb[2] / hits) : 0;
      raw[o + 3] = Math.round((255 * hits) / (n * n));
    }
  }
  const chunk = (type, data) => {
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); header.writeUInt32BE(size, 4);
  header[8] = 8; header[9] = 6; header[10] = 0; header[11] = 0; header[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

function crc32(buffer) {
  let c = ~0;
  for (const byte of buffer) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c;
}

for (const size of [16, 32, 64, 80, 128]) {
  writeFileSync(path.join(out, `icon-${size}.png`), png(size));
}
// The unified manifest's icons: a 192 px colour icon and a 32 px transparent outline.
writeFileSync(path.join(out, "icon-192.png"), png(192));
writeFileSync(path.join(out, "outline-32.png"), png(32, true));
console.log(`Icons written to ${out}`);
