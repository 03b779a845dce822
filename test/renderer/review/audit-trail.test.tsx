import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/review/types.ts';
import { AuditTrail, summariseDetails } from '../../../renderer/components/review/AuditTrail.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { fakeBridge, renderWith } from './fake-bridge.tsx';

afterEach(() => {
  cleanup();
  setBridge(null);
});

const ENTRIES: AuditEntry[] = [
  { seq: 2, at: Date.UTC(2016, 11, 5, 2), actor: '김법무', action: 'decision', subject: 'disclosure:7', details: { decision: 'approved', version: 2 }, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) },
  { seq: 1, at: Date.UTC(2016, 11, 5, 1), actor: '', action: 'export', subject: 'disclosure:7', details: { format: 'pdf' }, prevHash: '0'.repeat(64), hash: 'a'.repeat(64) },
];

describe('Settings’ audit trail', () => {
  it('lists the latest entries with who, what and about what', async () => {
    renderWith(fakeBridge({ 'audit:list': () => ENTRIES }), <AuditTrail enabled />, 'ko');
    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map((r) => r.getAttribute('data-seq'))).toEqual(['2', '1']);
    expect(rows[0]!.textContent).toContain('김법무');
    expect(rows[0]!.textContent).toContain('결정');
    expect(rows[0]!.textContent).toContain('decision: approved · version: 2');
    expect(rows[1]!.textContent).toContain('내보내기');
  });

  it('verifies the chain: ok with the entry count and head hash', async () => {
    const bridge = fakeBridge({ 'audit:list': () => ENTRIES, 'audit:verify': () => ({ ok: true, entries: 2, firstBad: null, head: 'b'.repeat(64) }) });
    renderWith(bridge, <AuditTrail enabled />, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    const ok = await screen.findByTestId('audit-ok');
    expect(ok.textContent).toContain('The chain verifies: 2 entries.');
    expect(ok.textContent).toContain('b'.repeat(64));
  });

  it('names the first entry that does not verify, and why', async () => {
    const bridge = fakeBridge({ 'audit:list': () => ENTRIES, 'audit:verify': () => ({ ok: false, entries: 2, firstBad: { seq: 2, reason: 'hash' }, head: 'b'.repeat(64) }) });
    renderWith(bridge, <AuditTrail enabled />, 'ko');
    fireEvent.click(await screen.findByRole('button', { name: '검증' }));
    const bad = await screen.findByTestId('audit-bad');
    expect(within(bad).getByText('2번 항목이 검증되지 않습니다: 기록된 뒤 내용이 바뀌었습니다.')).toBeTruthy();
  });

  it('asks for a workspace when none is open, and calls nothing', () => {
    const bridge = fakeBridge({});
    renderWith(bridge, <AuditTrail enabled={false} />, 'en');
    expect(screen.getByText('Open a workspace to see its audit trail.')).toBeTruthy();
    expect(bridge.calls.filter((c) => c.name.startsWith('audit:'))).toEqual([]);
  });

  it('summarises details: long values cut, empty ones left out, instants as dates', () => {
    expect(summariseDetails({ body: 'x'.repeat(100) })).toBe(`body: ${'x'.repeat(47)}…`);
    expect(summariseDetails({ reason: '', to: 'published', effectiveAt: Date.UTC(2016, 2, 31, 15) })).toBe('to: published · effectiveAt: 2016-03-31T15:00:00.000Z');
  });
});
