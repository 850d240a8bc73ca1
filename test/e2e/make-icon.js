// Draws media/icon.png (128×128): a newsprint page with ruled lines, one highlighted (copied)
// passage and a blue pencil stroke. Pure Node (zlib), antialiased by 4×4 supersampling.
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const path = require('path');
const N = 128, S = 4;
const px = Buffer.alloc(N * N * 4);
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r), cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function color(x, y) {
  // background tile
  if (!roundRect(x, y, 4, 4, 124, 124, 22)) return null;
  let c = [28, 61, 99]; // deep blue
  // page
  if (roundRect(x, y, 26, 18, 98, 110, 6)) {
    c = [250, 248, 240];
    // ruled lines
    for (const ly of [34, 46, 58, 70, 82, 94]) {
      const w = ly === 94 ? 52 : 62;
      if (y >= ly && y <= ly + 5 && x >= 34 && x <= 34 + w - 8) {
        c = ly === 58 || ly === 70 ? [243, 156, 18] : [160, 170, 185]; // copied passage highlighted
      }
    }
  }
  // pencil stroke (diagonal)
  const d = Math.abs((x - 70) - (y - 96) * -1) / Math.SQRT2;
  const along = ((x - 70) - (y - 96)) / Math.SQRT2;
  if (d < 6 && along > -2 && along < 62) c = along < 8 ? [44, 62, 80] : [52, 152, 219];
  return c;
}
for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
  let r = 0, g = 0, b = 0, a = 0;
  for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) {
    const c = color(x + (sx + 0.5) / S, y + (sy + 0.5) / S);
    if (c) { r += c[0]; g += c[1]; b += c[2]; a++; }
  }
  const i = (y * N + x) * 4;
  px[i] = a ? r / a : 0; px[i + 1] = a ? g / a : 0; px[i + 2] = a ? b / a : 0; px[i + 3] = Math.round((a / (S * S)) * 255);
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) { raw[y * (N * 4 + 1)] = 0; px.copy(raw, y * (N * 4 + 1) + 1, y * N * 4, (y + 1) * N * 4); }
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc(td)); return Buffer.concat([len, td, c]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
const out = process.argv[2] || path.join(__dirname, '..', '..', 'media', 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
