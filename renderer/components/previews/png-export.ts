/**
 * Renders a preview's DOM into a PNG, offline: the element's markup goes into an SVG
 * <foreignObject> together with the page's CSS, with the web fonts the page actually loaded
 * embedded as data URLs; the SVG is drawn on a canvas and encoded as PNG.
 */

const fontCache = new Map<string, Promise<string | null>>();

function toDataUrl(url: string): Promise<string | null> {
  let hit = fontCache.get(url);
  if (!hit) {
    hit = fetch(url)
      .then(async (res) => {
        if (!res.ok) return null;
        const blob = await res.blob();
        return await new Promise<string | null>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : null);
          reader.onerror = () => resolve(null);
          reader.readAsDataURL(blob);
        });
      })
      .catch(() => null);
    fontCache.set(url, hit);
  }
  return hit;
}

function norm(s: string): string {
  return s.replace(/["'\s]/g, '').toLowerCase();
}

/** The unicode ranges (per family and weight) of the font faces the page has loaded. */
function loadedFaces(): Set<string> {
  const out = new Set<string>();
  document.fonts.forEach((face) => {
    if (face.status === 'loaded') out.add(`${norm(face.family)}|${norm(face.weight)}|${norm(face.unicodeRange)}`);
  });
  return out;
}

/** Every CSS rule of the page as text, @font-face rules of loaded faces with their fonts inlined. */
async function pageCss(): Promise<string> {
  const loaded = loadedFaces();
  const parts: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of Array.from(rules)) {
      if (rule instanceof CSSFontFaceRule) {
        const style = rule.style;
        const key = `${norm(style.getPropertyValue('font-family'))}|${norm(style.getPropertyValue('font-weight') || '400')}|${norm(style.getPropertyValue('unicode-range') || 'U+0-10FFFF')}`;
        if (!loaded.has(key)) continue;
        const src = style.getPropertyValue('src');
        const first = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(src) ?? /url\(["']?([^"')]+)["']?\)/.exec(src);
        if (!first) continue;
        const data = await toDataUrl(new URL(first[1]!, base).href);
        if (!data) continue;
        parts.push(
          `@font-face{font-family:${style.getPropertyValue('font-family')};font-style:${style.getPropertyValue('font-style') || 'normal'};` +
            `font-weight:${style.getPropertyValue('font-weight') || '400'};src:url(${data});` +
            `unicode-range:${style.getPropertyValue('unicode-range') || 'U+0-10FFFF'};}`,
        );
      } else {
        parts.push(rule.cssText);
      }
    }
  }
  return parts.join('\n');
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The preview could not be drawn as an image.'));
    img.src = url;
  });
}

/** Renders an element into a PNG at `scale` × its CSS size. */
export async function elementToPng(el: HTMLElement, scale = 2): Promise<{ blob: Blob; width: number; height: number }> {
  await document.fonts.ready;
  const rect = el.getBoundingClientRect();
  const width = Math.ceil(rect.width);
  const height = Math.ceil(rect.height);
  const css = await pageCss();
  const clone = el.cloneNode(true) as HTMLElement;
  clone.style.margin = '0';
  const theme = document.documentElement.getAttribute('data-theme') ?? 'light';
  const xhtml = new XMLSerializer().serializeToString(clone);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<foreignObject x="0" y="0" width="100%" height="100%">` +
    `<div xmlns="http://www.w3.org/1999/xhtml" data-theme="${theme}" style="margin:0;width:${width}px;height:${height}px">` +
    `<style>${css.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</style>${xhtml}</div></foreignObject></svg>`;
  // A data: URL (not a blob: URL) keeps the canvas untainted in Chromium, so it can be encoded.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const img = await loadImage(url);
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas.');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The canvas could not be encoded as PNG.');
  return { blob, width: canvas.width, height: canvas.height };
}
