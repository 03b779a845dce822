import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { resourcesDir } from './resources.ts';

/**
 * @font-face rules that embed the shipped Noto Sans KR (regular and bold), subset to the
 * characters of one document, as data: URLs — so an exported HTML file looks the same on every
 * machine (no system font needed) and loads nothing remote.
 */
export async function embeddedFontFaces(text: string, fontsDir = path.join(resourcesDir(), 'fonts')): Promise<string> {
  // Every character of the document plus the digits and marks the tables use.
  const chars = [...new Set([...text, ...'0123456789.,-–~≤≥✓✗×—·/()%'])].join('');
  const faces: string[] = [];
  for (const [file, weight] of [['NotoSansKR-Regular.otf', 400], ['NotoSansKR-Bold.otf', 700]] as const) {
    const subset = await subsetFont(fs.readFileSync(path.join(fontsDir, file)), chars, { targetFormat: 'sfnt' });
    faces.push(
      `@font-face { font-family: "Notice Desk Sans"; font-weight: ${weight}; font-style: normal; ` +
        `src: url(data:font/otf;base64,${subset.toString('base64')}) format("opentype"); }`,
    );
  }
  return faces.join('\n');
}
