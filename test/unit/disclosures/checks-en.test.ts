import { describe, expect, it } from 'vitest';
import { check } from './helpers.ts';

const GOOD = [
  'We send you order and delivery updates by AlimTalk.',
  '',
  '**These messages use mobile data, and data charges may apply. The first message uses about 15 KB. Each later one uses about 2 KB.**',
  '',
  '**To stop these messages, turn them off in Settings > Notifications.**',
  'If you turn them off, you can still use our service.',
].join('\n');

describe('English required-element checks', () => {
  it('finds every required element in a complete notice', () => {
    const r = check(GOOD, 'en');
    expect(r.missing).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  it('reports missing data charges and missing refusal consequences', () => {
    const text = 'We send you order updates by AlimTalk. To stop them, turn them off in Settings.';
    const r = check(text, 'en');
    expect(r.missing).toEqual(['data-charges', 'refusal-consequences']);
  });

  it('asks for the amount when data charges are mentioned without one', () => {
    const text = GOOD.replace(' The first message uses about 15 KB. Each later one uses about 2 KB.', '');
    const r = check(text, 'en');
    expect(r.missing).toEqual(['data-charges']);
    expect(r.findings.find((f) => f.rule === 'data-charges')!.message).toContain('how much');
  });

  it('matches phrases as whole words only', () => {
    // "salesman" must not count as the advertising word "sale".
    const r = check(GOOD + '\nYour salesman will call.', 'en');
    expect(r.findings.filter((f) => f.rule === 'advertising')).toEqual([]);
    const ad = check(GOOD + '\nGet 20% off with this coupon!', 'en');
    const text = GOOD + '\nGet 20% off with this coupon!';
    expect(ad.findings.filter((f) => f.rule === 'advertising').map((f) => text.slice(f.start, f.end)).sort()).toEqual(['20% off', 'coupon']);
  });

  it('flags English jargon with a plainer word', () => {
    const text = GOOD + '\nYou may incur data usage charges.';
    const r = check(text, 'en');
    expect(r.findings.filter((f) => f.rule === 'jargon').map((f) => text.slice(f.start, f.end))).toEqual(['incur', 'data usage charges']);
  });

  it('requires URL use and a way to opt out on the URL notice', () => {
    const good = '**We collect the links you share in chats and show them in search results.**\n\n**If you do not want this, turn it off in Settings.**';
    expect(check(good, 'en', 'url-notice').missing).toEqual([]);
    expect(check('We value your privacy.', 'en', 'url-notice').missing).toEqual(['url-use', 'how-to-refuse']);
  });
});
