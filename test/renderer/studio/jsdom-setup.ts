/**
 * jsdom has no layout: CodeMirror measures ranges, so give Range the rect methods it expects
 * (zero-sized rects; nothing in these tests depends on geometry).
 */
export function installLayoutStubs(): void {
  const rect = { x: 0, y: 0, top: 0, left: 0, bottom: 0, right: 0, width: 0, height: 0, toJSON: () => ({}) };
  const proto = Range.prototype as unknown as Record<string, unknown>;
  if (!proto.getClientRects) proto.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] });
  if (!proto.getBoundingClientRect) proto.getBoundingClientRect = () => rect;
}
