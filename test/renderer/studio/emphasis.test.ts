import { describe, expect, it } from 'vitest';
import { emphasisOf, parseWeight, pxToPt, sentenceEmphasis, type TextStyle } from '../../../renderer/components/studio/emphasis.ts';

const rule = { minPt: 9, minRatio: 1.2 };
const body: TextStyle = { fontSizePx: 15, fontWeight: 400, color: 'rgb(25, 25, 25)' };

describe('the emphasis comparison', () => {
  it('converts CSS pixels to points (16 px = 12 pt)', () => {
    expect(pxToPt(16)).toBe(12);
  });

  it('counts a run 20% larger than the body and at least 9 pt as emphasised by size', () => {
    expect(emphasisOf({ ...body, fontSizePx: 18 }, body, rule)).toBe('size');
  });

  it('does not count a run only 10% larger as emphasised', () => {
    expect(emphasisOf({ ...body, fontSizePx: 16.5 }, body, rule)).toBeNull();
  });

  it('counts bold and colour as emphasis', () => {
    expect(emphasisOf({ ...body, fontWeight: 700 }, body, rule)).toBe('bold');
    expect(emphasisOf({ ...body, color: 'rgb(194, 65, 12)' }, body, rule)).toBe('colour');
  });

  it('does not count a run 20% larger but under 9 pt (11 px is 8.25 pt) as emphasised by size', () => {
    const small = { fontSizePx: 9, fontWeight: 400, color: body.color };
    expect(emphasisOf({ fontSizePx: 11, fontWeight: 400, color: body.color }, small, rule)).toBeNull();
  });

  it('does not count the same style as the body', () => {
    expect(emphasisOf(body, body, rule)).toBeNull();
  });

  it('treats a weight 500 against 400 as not bold', () => {
    expect(emphasisOf({ ...body, fontWeight: 500 }, body, rule)).toBeNull();
  });

  it('calls a sentence emphasised when at least 80% of its characters are emphasised', () => {
    const bold = { ...body, fontWeight: 700 };
    expect(sentenceEmphasis([{ chars: 17, style: bold }, { chars: 3, style: body }], body, rule).emphasised).toBe(true);
    expect(sentenceEmphasis([{ chars: 4, style: bold }, { chars: 16, style: body }], body, rule).emphasised).toBe(false);
  });

  it('reports sizes in points for the message', () => {
    const r = sentenceEmphasis([{ chars: 5, style: body }], body, rule);
    expect(r).toEqual({ emphasised: false, share: 0, sizePt: 11.3, bodyPt: 11.3 });
  });

  it('parses computed font weights', () => {
    expect([parseWeight('700'), parseWeight('bold'), parseWeight('normal'), parseWeight('400')]).toEqual([700, 700, 400, 400]);
  });
});
