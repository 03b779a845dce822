import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError, type EvidenceWritten } from '../../../shared/contract/index.ts';
import type { EvidenceVerification } from '../../../shared/evidence/types.ts';
import type { DimensionsResult } from '../../../shared/metrics/types.ts';
import { EvidencePackButton } from '../../../renderer/components/evidence/EvidencePackButton.tsx';
import { isHashOrEmpty, normaliseHash } from '../../../renderer/components/evidence/VerifyPanel.tsx';
import { periodInput } from '../../../renderer/components/evidence/WritePanel.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { fakeBridge, renderWith, type FakeBridge } from '../review/fake-bridge.tsx';

const HASH = 'ab12'.repeat(16);
const OTHER = 'cd34'.repeat(16);

const DIMS: DimensionsResult = { senders: [], categories: [], templates: [], firstDate: '2016-01-01', lastDate: '2016-06-30', timeZone: 'Asia/Seoul' };

function written(over: Partial<EvidenceWritten> = {}): EvidenceWritten {
  return {
    path: null,
    fileName: 'evidence-2016-01-01-2016-06-30.zip',
    mimeType: 'application/zip',
    bytes: 2_457_600,
    base64: btoa('PK\u0003\u0004'),
    manifestSha256: HASH,
    files: 23,
    period: { from: '2016-01-01', to: '2016-06-30' },
    empty: { events: false, disclosures: false },
    ...over,
  };
}

function verification(over: Partial<EvidenceVerification> = {}): EvidenceVerification {
  return { ok: true, manifestSha256: HASH, manifestMatches: null, checked: 23, missing: [], extra: [], altered: [], manifestProblem: null, ...over };
}

let downloads: { name: string; type: string }[] = [];
const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;

beforeEach(() => {
  downloads = [];
  // jsdom has no object URLs: record what would be downloaded, and the <a download> name.
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    downloads.push({ name: '', type: (blob as Blob).type });
    return 'blob:test';
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads[downloads.length - 1]!.name = this.download;
  });
});

afterEach(() => {
  cleanup();
  setBridge(null);
  vi.restoreAllMocks();
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
});

function mount(handlers: Parameters<typeof fakeBridge>[0], locale: 'ko' | 'en', period: { from?: string; to?: string } = {}, reviewerName = ''): FakeBridge {
  const bridge = fakeBridge({ 'metrics:dimensions': () => DIMS, ...handlers }, { reviewerName });
  renderWith(bridge, <EvidencePackButton from={period.from} to={period.to} />, locale);
  return bridge;
}

async function openDialog(name: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name }));
  return screen.findByRole('dialog');
}

describe('writing an evidence pack', () => {
  it('opens in Korean with the page’s period, the UI language and what the pack holds, then writes and downloads the zip', async () => {
    const bridge = mount({ 'evidence:write': () => written() }, 'ko', { from: '2016-04-01', to: '2016-06-30' }, '김법무');
    const dialog = await openDialog('증거 자료 묶음');
    expect(within(dialog).getByRole('heading', { name: '증거 자료 묶음', level: 2 })).toBeTruthy();
    expect((within(dialog).getByLabelText('시작일') as HTMLInputElement).value).toBe('2016-04-01');
    expect((within(dialog).getByLabelText('종료일') as HTMLInputElement).value).toBe('2016-06-30');
    expect(dialog.textContent).toContain('화면에 보이는 기간으로 채웠습니다.');
    expect((within(dialog).getByRole('radio', { name: '한국어' }) as HTMLInputElement).checked).toBe(true);
    expect(dialog.textContent).toContain('manifest.json: 모든 파일의 크기와 SHA-256');
    expect(document.activeElement).toBe(within(dialog).getByLabelText('시작일'));

    fireEvent.click(within(dialog).getByRole('button', { name: '묶음 만들기' }));
    const result = await screen.findByTestId('evidence-result');
    expect(bridge.inputs('evidence:write')).toEqual([{ from: '2016-04-01', to: '2016-06-30', language: 'ko', actor: '김법무' }]);
    expect(downloads).toEqual([{ name: 'evidence-2016-01-01-2016-06-30.zip', type: 'application/zip' }]);
    expect(within(result).getByTestId('evidence-hash').textContent).toBe(HASH);
    expect(within(result).getByTestId('evidence-files').textContent).toBe('파일 23개, 2.3 MiB');
    expect(result.textContent).toContain('evidence-2016-01-01-2016-06-30.zip 파일로 내려받았습니다.');
    expect(result.textContent).toContain('이 해시를 묶음과 따로, 바뀔 수 없는 곳에 적어 두세요');
    expect(within(result).queryByTestId('evidence-empty-events')).toBeNull();
    expect(within(result).queryByTestId('evidence-empty-disclosures')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(result).getByRole('heading', { name: '묶음을 만들었습니다' })));
  });

  it('defaults to the workspace’s whole range where the page has no period, and writes the summary in the language chosen', async () => {
    const bridge = mount({ 'evidence:write': () => written({ path: '/home/me/pack.zip', base64: null, fileName: 'pack.zip' }) }, 'en');
    const dialog = await openDialog('Evidence pack');
    await waitFor(() => expect((within(dialog).getByLabelText('From') as HTMLInputElement).value).toBe('2016-01-01'));
    expect((within(dialog).getByLabelText('To') as HTMLInputElement).value).toBe('2016-06-30');
    expect(dialog.textContent).toContain('Filled in with the whole range of the workspace’s data.');
    expect((within(dialog).getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: '한국어' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    const result = await screen.findByTestId('evidence-result');
    expect(bridge.inputs('evidence:write')).toEqual([{ from: '2016-01-01', to: '2016-06-30', language: 'ko', actor: '' }]);
    // Electron saved it where the user chose: nothing to download.
    expect(downloads).toEqual([]);
    expect(result.textContent).toContain('Saved as /home/me/pack.zip.');
  });

  it('fills in the page’s period once the page has it, even when the dialog opened first', async () => {
    let setPeriod: (period: { from: string | null; to: string | null }) => void = () => {};
    function Page() {
      const [period, set] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
      setPeriod = set;
      return <EvidencePackButton from={period.from} to={period.to} />;
    }
    renderWith(fakeBridge({ 'metrics:dimensions': () => DIMS }), <Page />, 'en');
    const dialog = await openDialog('Evidence pack');
    await waitFor(() => expect((within(dialog).getByLabelText('From') as HTMLInputElement).value).toBe('2016-01-01'));
    act(() => setPeriod({ from: '2016-04-01', to: '2016-06-30' }));
    await waitFor(() => expect((within(dialog).getByLabelText('From') as HTMLInputElement).value).toBe('2016-04-01'));
    expect(dialog.textContent).toContain('Filled in from the period the page shows.');
    // Known once, it stays: the page refetching behind the dialog does not move it.
    act(() => setPeriod({ from: null, to: null }));
    expect((within(dialog).getByLabelText('From') as HTMLInputElement).value).toBe('2016-04-01');
  });

  it('shows a busy state while writing: the button disabled and the time so far announced', async () => {
    let finish: (value: EvidenceWritten) => void = () => {};
    mount({ 'evidence:write': () => new Promise<EvidenceWritten>((resolve) => (finish = resolve)) }, 'en', { from: '2016-01-01', to: '2016-01-31' });
    const dialog = await openDialog('Evidence pack');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    const busy = await screen.findByTestId('evidence-busy');
    expect(busy.getAttribute('role')).toBe('status');
    expect(busy.textContent).toContain('Writing the pack… (0 s)');
    expect((within(dialog).getByTestId('evidence-write') as HTMLButtonElement).disabled).toBe(true);
    finish(written());
    await screen.findByTestId('evidence-result');
    expect(screen.queryByTestId('evidence-busy')).toBeNull();
  });

  it('goes on writing when the dialog is closed: the zip still downloads, the button shows it is busy, and the result is there on reopening', async () => {
    let finish: (value: EvidenceWritten) => void = () => {};
    mount({ 'evidence:write': () => new Promise<EvidenceWritten>((resolve) => (finish = resolve)) }, 'en', { from: '2016-01-01', to: '2016-06-30' });
    const dialog = await openDialog('Evidence pack');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    await screen.findByTestId('evidence-busy');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByTestId('evidence-open').getAttribute('aria-busy')).toBe('true');
    finish(written());
    await waitFor(() => expect(downloads).toEqual([{ name: 'evidence-2016-01-01-2016-06-30.zip', type: 'application/zip' }]));
    expect(screen.getByTestId('evidence-open').getAttribute('aria-busy')).toBe('false');
    await openDialog('Evidence pack');
    expect((await screen.findByTestId('evidence-hash')).textContent).toBe(HASH);
  });

  it('warns when the period holds no events and no disclosure was in force, and the pack is still written', async () => {
    mount({ 'evidence:write': () => written({ empty: { events: true, disclosures: true } }) }, 'ko', { from: '2020-01-01', to: '2020-01-31' });
    const dialog = await openDialog('증거 자료 묶음');
    fireEvent.click(within(dialog).getByRole('button', { name: '묶음 만들기' }));
    const result = await screen.findByTestId('evidence-result');
    expect(within(result).getByTestId('evidence-empty-events').textContent).toContain('이 기간에는 이벤트가 없어');
    expect(within(result).getByTestId('evidence-empty-disclosures').textContent).toContain('시행 중이던 고지문이 없으며');
    expect(within(result).getByTestId('evidence-hash').textContent).toBe(HASH);
  });

  it('says nothing was written when the save dialog was cancelled', async () => {
    mount({ 'evidence:write': () => written({ path: null, base64: null }) }, 'en', { from: '2016-01-01', to: '2016-06-30' });
    const dialog = await openDialog('Evidence pack');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    expect((await screen.findByTestId('evidence-cancelled')).textContent).toBe('Nothing was written: the save dialog was cancelled.');
    expect(screen.queryByTestId('evidence-result')).toBeNull();
    expect(downloads).toEqual([]);
  });

  it('words a backend refusal in the user’s language', async () => {
    mount(
      {
        'evidence:write': () => {
          throw new AppError('bad-input', 'The period is backwards', undefined, { key: 'evidence.bad-period', params: { from: '2016-06-30', to: '2016-01-01' } });
        },
      },
      'ko',
      { from: '2016-01-01', to: '2016-06-30' },
    );
    const dialog = await openDialog('증거 자료 묶음');
    fireEvent.click(within(dialog).getByRole('button', { name: '묶음 만들기' }));
    const alert = await screen.findByTestId('evidence-write-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('묶음을 만들지 못했습니다.');
    expect(alert.textContent).toContain('기간이 거꾸로입니다. 시작일 2016-06-30이 종료일 2016-01-01보다 늦습니다.');
  });

  it('refuses a backwards period or a single day given, without calling the backend', async () => {
    const bridge = mount({ 'evidence:write': () => written() }, 'en', { from: '2016-01-01', to: '2016-06-30' });
    const dialog = await openDialog('Evidence pack');
    fireEvent.change(within(dialog).getByLabelText('From'), { target: { value: '2016-07-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The start must be on or before the end.');
    expect(within(dialog).getByLabelText('From').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(dialog).getByLabelText('To'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    expect(within(dialog).getByRole('alert').textContent).toBe('Give both days, or clear both for the whole range.');
    expect(bridge.inputs('evidence:write')).toEqual([]);
  });

  it('copies the manifest hash, and says how to copy it when the clipboard refuses', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    mount({ 'evidence:write': () => written() }, 'en', { from: '2016-01-01', to: '2016-06-30' });
    const dialog = await openDialog('Evidence pack');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Write the pack' }));
    await screen.findByTestId('evidence-result');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await screen.findByRole('button', { name: 'Copied' });
    expect(writeText).toHaveBeenCalledWith(HASH);

    writeText.mockRejectedValueOnce(new Error('denied'));
    fireEvent.click(screen.getByRole('button', { name: 'Copied' }));
    await screen.findByText('Could not copy: select the hash and copy it.');
    expect(document.getSelection()?.toString()).toBe(HASH);
  });
});

describe('checking an evidence pack', () => {
  async function chooseAndCheck(dialog: HTMLElement, hash: string | null, check = 'Check') {
    fireEvent.change(within(dialog).getByTestId('evidence-verify-file'), { target: { files: [new File(['PK'], 'pack.zip', { type: 'application/zip' })] } });
    if (hash !== null) fireEvent.change(within(dialog).getByTestId('evidence-verify-hash'), { target: { value: hash } });
    fireEvent.click(within(dialog).getByRole('button', { name: check }));
  }

  it('offers the pack just written for checking, with its hash filled in, and reports it intact', async () => {
    const bridge = mount({ 'evidence:write': () => written(), 'evidence:verify': () => verification({ manifestMatches: true }) }, 'ko', { from: '2016-01-01', to: '2016-06-30' });
    const dialog = await openDialog('증거 자료 묶음');
    fireEvent.click(within(dialog).getByRole('button', { name: '묶음 만들기' }));
    fireEvent.click(await screen.findByRole('button', { name: '이 묶음 검증하기' }));
    const tab = within(dialog).getByRole('tab', { name: '묶음 검증' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab);
    expect((within(dialog).getByLabelText('적어 둔 manifest SHA-256(선택)') as HTMLInputElement).value).toBe(HASH);
    await chooseAndCheck(dialog, null, '검증');
    const ok = await screen.findByTestId('evidence-verify-ok');
    expect(bridge.inputs('evidence:verify')).toEqual([{ path: '/uploads/pack.zip', manifestSha256: HASH }]);
    expect(ok.textContent).toContain('묶음이 온전합니다. 파일 23개가 모두 manifest와 일치하고, manifest도 적어 둔 해시와 일치합니다.');
    expect(ok.textContent).toContain(HASH);

    // Back to the first tab: the result written is still there.
    fireEvent.click(within(dialog).getByRole('tab', { name: '묶음 만들기' }));
    expect(screen.getByTestId('evidence-hash').textContent).toBe(HASH);
  });

  it('lists every altered, missing and extra file with both hashes of an altered one', async () => {
    const bad = verification({
      ok: false,
      checked: 23,
      missing: ['charts/optout.csv'],
      extra: ['notes.txt'],
      altered: [{ path: 'figures.csv', expected: HASH, actual: OTHER }],
      manifestMatches: true,
    });
    mount({ 'evidence:verify': () => bad }, 'en');
    const dialog = await openDialog('Evidence pack');
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Check a pack' }));
    await chooseAndCheck(dialog, '');
    const shown = await screen.findByTestId('evidence-verify-bad');
    expect(shown.getAttribute('role')).toBe('alert');
    expect(shown.textContent).toContain('The pack does not verify.');
    expect(shown.textContent).toContain('23 files checked: 1 missing, 1 extra, 1 altered.');
    expect(within(shown).getByTestId('evidence-manifest-match').textContent).toBe('manifest.json is the one you recorded: the files named below were changed after the pack was written.');
    const items = within(shown).getAllByRole('listitem');
    expect(items.map((li) => [li.getAttribute('data-kind'), li.getAttribute('data-path')])).toEqual([
      ['altered', 'figures.csv'],
      ['missing', 'charts/optout.csv'],
      ['extra', 'notes.txt'],
    ]);
    expect(items[0]!.querySelector('dl')!.textContent).toBe(`manifest${HASH}file${OTHER}`);
    expect(items[1]!.textContent).toContain('listed in the manifest, not in the pack');
  });

  it('says when the manifest is not the one recorded, and when it cannot be read', async () => {
    let answer = verification({ ok: false, manifestMatches: false });
    mount({ 'evidence:verify': () => answer }, 'ko');
    const dialog = await openDialog('증거 자료 묶음');
    fireEvent.click(within(dialog).getByRole('tab', { name: '묶음 검증' }));
    await chooseAndCheck(dialog, OTHER.toUpperCase(), '검증');
    expect((await screen.findByTestId('evidence-manifest-mismatch')).textContent).toBe('manifest.json이 적어 둔 해시와 다릅니다. manifest가 바뀌었거나 다른 묶음입니다.');

    answer = verification({ ok: false, manifestSha256: null, checked: 0, manifestProblem: 'manifest.json is missing' });
    fireEvent.click(within(dialog).getByRole('button', { name: '검증' }));
    expect((await screen.findByTestId('evidence-manifest-problem')).textContent).toBe('manifest.json을 읽을 수 없습니다: manifest.json is missing');
  });

  it('asks for a file and a well-formed hash before calling the backend', async () => {
    const bridge = mount({ 'evidence:verify': () => verification() }, 'en');
    const dialog = await openDialog('Evidence pack');
    fireEvent.click(within(dialog).getByRole('tab', { name: 'Check a pack' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check' }));
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Choose a pack to check.');
    await chooseAndCheck(dialog, 'not a hash');
    expect(within(dialog).getByRole('alert').textContent).toBe('A SHA-256 is 64 hexadecimal digits (0–9, a–f).');
    expect(within(dialog).getByTestId('evidence-verify-hash').getAttribute('aria-invalid')).toBe('true');
    expect(bridge.inputs('evidence:verify')).toEqual([]);
    expect(within(dialog).getByTestId('evidence-verify-chosen').textContent).toBe('Chosen: pack.zip');
  });

  it('words an unreadable pack in the user’s language', async () => {
    mount(
      {
        'evidence:verify': () => {
          throw new AppError('file-unreadable', 'not a zip', undefined, { key: 'evidence.unreadable', params: { file: 'pack.zip', reason: 'not a zip file' } });
        },
      },
      'ko',
    );
    const dialog = await openDialog('증거 자료 묶음');
    fireEvent.click(within(dialog).getByRole('tab', { name: '묶음 검증' }));
    await chooseAndCheck(dialog, null, '검증');
    const alert = await screen.findByTestId('evidence-verify-error');
    expect(alert.textContent).toContain('pack.zip를 증거 자료로 읽을 수 없습니다: not a zip file.');
  });
});

describe('the dialog as a dialog', () => {
  it('moves between tabs with the arrow keys, closes on Escape and gives focus back to the button', async () => {
    mount({}, 'en', { from: '2016-01-01', to: '2016-06-30' });
    const opener = screen.getByRole('button', { name: 'Evidence pack' });
    opener.focus();
    const dialog = await openDialog('Evidence pack');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const write = within(dialog).getByRole('tab', { name: 'Write a pack' });
    write.focus();
    fireEvent.keyDown(write, { key: 'ArrowRight' });
    const check = within(dialog).getByRole('tab', { name: 'Check a pack' });
    expect(check.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(check);
    expect(within(dialog).getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(check.id);
    fireEvent.keyDown(check, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('has every string in both languages (no key shows)', async () => {
    for (const locale of ['ko', 'en'] as const) {
      mount({ 'evidence:write': () => written({ empty: { events: true, disclosures: true } }), 'evidence:verify': () => verification({ ok: false, missing: ['a.csv'], extra: ['b'], altered: [{ path: 'c', expected: HASH, actual: OTHER }] }) }, locale);
      const dialog = await openDialog(locale === 'ko' ? '증거 자료 묶음' : 'Evidence pack');
      expect(dialog.textContent).not.toMatch(/evidence\.[a-z]/);
      fireEvent.click(within(dialog).getByTestId('evidence-write'));
      await screen.findByTestId('evidence-result');
      expect(dialog.textContent).not.toMatch(/evidence\.[a-z]/);
      fireEvent.click(within(dialog).getByTestId('evidence-check-this'));
      fireEvent.change(within(dialog).getByTestId('evidence-verify-file'), { target: { files: [new File(['PK'], 'p.zip')] } });
      fireEvent.click(within(dialog).getByTestId('evidence-verify'));
      await screen.findByTestId('evidence-verify-bad');
      expect(dialog.textContent).not.toMatch(/evidence\.[a-z]/);
      cleanup();
      setBridge(null);
    }
  });
});

describe('the form’s rules', () => {
  it('takes both days or neither, in order', () => {
    expect(periodInput('', '')).toEqual({});
    expect(periodInput('2016-01-01', '2016-06-30')).toEqual({ from: '2016-01-01', to: '2016-06-30' });
    expect(periodInput('2016-01-01', '2016-01-01')).toEqual({ from: '2016-01-01', to: '2016-01-01' });
    expect(periodInput('2016-07-01', '2016-06-30')).toEqual({ error: 'badPeriod' });
    expect(periodInput('2016-07-01', '')).toEqual({ error: 'missingDate' });
  });

  it('reads a recorded hash as pasted: spaces and case do not matter, anything but 64 hex digits is refused', () => {
    expect(normaliseHash(` ${HASH.slice(0, 32)}\n${HASH.slice(32).toUpperCase()} `)).toBe(HASH);
    expect(isHashOrEmpty('')).toBe(true);
    expect(isHashOrEmpty(HASH)).toBe(true);
    expect(isHashOrEmpty(HASH.slice(1))).toBe(false);
    expect(isHashOrEmpty(`${HASH.slice(1)}g`)).toBe(false);
  });
});
