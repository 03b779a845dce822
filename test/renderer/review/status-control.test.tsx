import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userError } from '../../../shared/contract/errors.ts';
import type { Disclosure, DisclosureStatus } from '../../../shared/disclosures/types.ts';
import { dayStartUtc, parseDay } from '../../../shared/metrics/calendar.ts';
import { StatusControl } from '../../../renderer/components/studio/StatusControl.tsx';
import { setBridge } from '../../../renderer/data/api.ts';
import { fakeBridge, renderWith } from './fake-bridge.tsx';

afterEach(() => {
  cleanup();
  setBridge(null);
});

function disclosure(status: DisclosureStatus, id = 7): Disclosure {
  return {
    id,
    title: '배송 알림 안내',
    surface: 'alimtalk',
    status,
    koText: '본문',
    enText: 'Text',
    createdAt: 0,
    updatedAt: 0,
    publishedAt: null,
    effectiveAt: null,
    version: 1,
    derivedFrom: null,
    history: [],
  };
}

/** A bridge whose setStatus moves the disclosure where it was asked. */
function workflowBridge(reviewerName = '') {
  return fakeBridge(
    {
      'disclosures:setStatus': (input) => disclosure(input.status),
      'disclosures:duplicate': (input) => ({ ...disclosure('draft', 8), derivedFrom: input.id }),
    },
    { reviewerName },
  );
}

/** A step button once it can be used (Settings read). */
async function step(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const b = screen.getByRole('button', { name });
    expect(b).toHaveProperty('disabled', false);
    return b;
  });
}

function mount(status: DisclosureStatus, bridge = workflowBridge(), locale: 'ko' | 'en' = 'en') {
  const onChanged = vi.fn();
  const onOpen = vi.fn();
  const beforeChange = vi.fn(async () => {});
  renderWith(bridge, <StatusControl id={7} status={status} beforeChange={beforeChange} onChanged={onChanged} onOpen={onOpen} />, locale);
  return { bridge, onChanged, onOpen, beforeChange };
}

describe('the status control’s confirm forms', () => {
  it('asks for the name when Settings has none, refuses to submit without it, and saves it to Settings', async () => {
    const { bridge, onChanged, beforeChange } = mount('draft');
    fireEvent.click(await step('Submit for review'));
    const form = await screen.findByTestId('status-form');
    const confirm = within(form).getByRole('button', { name: 'Submit for review' });
    expect(confirm).toHaveProperty('disabled', true);
    expect(form.textContent).toContain('Enter your name');
    fireEvent.submit(form);
    expect(bridge.inputs('disclosures:setStatus')).toEqual([]);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Your name' }), { target: { value: '  김법무 ' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('in-review'));
    expect(beforeChange).toHaveBeenCalled();
    expect(bridge.inputs('disclosures:setStatus')).toEqual([{ id: 7, status: 'in-review', actor: '김법무' }]);
    await waitFor(() => expect(bridge.settings.reviewerName).toBe('김법무'));
    expect(screen.queryByTestId('status-form')).toBeNull();
  });

  it('does not ask for a name Settings already holds', async () => {
    const { bridge } = mount('in-review', workflowBridge('Kim Minji'));
    fireEvent.click(await step('Approve'));
    const form = await screen.findByTestId('status-form');
    expect(within(form).queryByRole('textbox', { name: 'Your name' })).toBeNull();
    fireEvent.click(within(form).getByRole('button', { name: 'Approve this version' }));
    await waitFor(() => expect(bridge.inputs('disclosures:setStatus')).toEqual([{ id: 7, status: 'approved', actor: 'Kim Minji' }]));
  });

  it('requires a reason to request changes, and sends it as the note', async () => {
    const { bridge, onChanged } = mount('in-review', workflowBridge('Kim Minji'));
    fireEvent.click(await step('Request changes'));
    const form = await screen.findByTestId('status-form');
    const confirm = within(form).getByRole('button', { name: 'Send back with changes requested' });
    const reason = within(form).getByRole('textbox', { name: 'What must change' });
    expect(reason).toHaveProperty('required', true);
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(reason, { target: { value: '   ' } });
    expect(confirm).toHaveProperty('disabled', true);
    expect(form.textContent).toContain('a request for changes needs a reason');
    fireEvent.change(reason, { target: { value: ' State the charge per message in won. ' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('changes-requested'));
    expect(bridge.inputs('disclosures:setStatus')).toEqual([{ id: 7, status: 'changes-requested', actor: 'Kim Minji', note: 'State the charge per message in won.' }]);
  });

  it('publishes with an effective day, by default today (taking effect now), another day from its start in the workspace’s zone', async () => {
    const { bridge } = mount('approved', workflowBridge('Kim Minji'));
    fireEvent.click(await step('Publish…'));
    const form = await screen.findByTestId('status-form');
    const date = form.querySelector<HTMLInputElement>('input[type="date"]')!;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
    expect(date.value).toBe(today);
    expect(form.textContent).toContain('Asia/Seoul');
    fireEvent.change(date, { target: { value: '2017-03-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(bridge.inputs('disclosures:setStatus')).toHaveLength(1));
    expect(bridge.inputs('disclosures:setStatus')[0]).toEqual({
      id: 7,
      status: 'published',
      actor: 'Kim Minji',
      effectiveAt: dayStartUtc(parseDay('2017-03-01'), 'Asia/Seoul'),
    });
    expect(new Date(bridge.inputs('disclosures:setStatus')[0]!.effectiveAt!).toISOString()).toBe('2017-02-28T15:00:00.000Z');
  });

  it('shows a refusal in the user’s language', async () => {
    const bridge = fakeBridge(
      {
        'disclosures:setStatus': () => {
          throw userError('conflict', 'checks.missing-elements', { title: '배송 알림 안내', to: 'approved', missing: 'ko: data-charges' });
        },
      },
      { reviewerName: '김법무' },
    );
    mount('in-review', bridge, 'ko');
    fireEvent.click(await step('승인'));
    const form = await screen.findByTestId('status-form');
    fireEvent.click(within(form).getByRole('button', { name: '이 버전 승인하기' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toMatch(/[가-힣]/);
    expect(alert.textContent).not.toMatch(/\bmissing\b/i);
  });

  it('offers a new draft from an approved text and opens it', async () => {
    const { bridge, onOpen } = mount('approved', workflowBridge('Kim Minji'));
    expect(screen.queryByRole('button', { name: 'Withdraw to draft' })).toBeNull();
    fireEvent.click(await step('Start a new draft from this'));
    await waitFor(() => expect(onOpen).toHaveBeenCalled());
    expect(onOpen.mock.calls[0]![0]).toMatchObject({ id: 8, status: 'draft', derivedFrom: 7 });
    expect(bridge.inputs('disclosures:duplicate')).toEqual([{ id: 7, actor: 'Kim Minji' }]);
  });

  it('lists the changes-requested status with its own steps', async () => {
    mount('changes-requested', workflowBridge('Kim Minji'));
    expect((await screen.findByText('Changes requested')).getAttribute('data-status')).toBe('changes-requested');
    expect(screen.getByRole('button', { name: 'Submit again for review' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back to draft' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });
});
