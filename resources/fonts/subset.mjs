// Regenerates the shipped font subsets from Debian's fonts-noto-cjk (SIL OFL 1.1):
//   node resources/fonts/subset.mjs   (uses subset-font, a dependency: harfbuzz hb-subset in wasm)
import fs from 'node:fs';
import subsetFont from 'subset-font';
import { extractFace } from './extract-ttc.mjs';

const ranges = [
  [0x20, 0x7e], [0xa0, 0xff], [0x2010, 0x2027], [0x2030, 0x203a], [0x20a9, 0x20a9], [0x2190, 0x21ff],
  [0x2200, 0x22ff], [0x2460, 0x2473], [0x25a0, 0x25ff], [0x2713, 0x2718], [0x3000, 0x303f],
  [0x3131, 0x318e], [0xac00, 0xd7a3], [0xff01, 0xff5e],
];
let text = '';
for (const [a, b] of ranges) for (let c = a; c <= b; c++) text += String.fromCodePoint(c);
for (const [file, ps, out] of [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'NotoSansCJKkr-Regular', 'NotoSansKR-Regular.otf'],
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 'NotoSansCJKkr-Bold', 'NotoSansKR-Bold.otf'],
]) {
  const face = extractFace(fs.readFileSync(file), ps);
  const sub = await subsetFont(face, text, { targetFormat: 'sfnt' });
  fs.writeFileSync(new URL(out, import.meta.url), sub);
  console.log(out, face.length, '→', sub.length, 'bytes');
}
