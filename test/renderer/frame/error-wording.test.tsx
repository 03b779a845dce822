import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorAlerts, ErrorProvider, useReportError } from '../../../renderer/components/errors.tsx';
import { I18nProvider } from '../../../renderer/i18n/I18nProvider.tsx';
import { AppError, userError } from '../../../shared/contract/errors.ts';
import type { Locale } from '../../../shared/contract/settings.ts';

afterEach(cleanup);

let report: (error: unknown) => void = () => {};
function Probe() {
  report = useReportError();
  return null;
}

function renderAlerts(locale: Locale) {
  return render(
    <I18nProvider locale={locale} timeZone="Asia/Seoul">
      <ErrorProvider>
        <Probe />
        <ErrorAlerts />
      </ErrorProvider>
    </I18nProvider>,
  );
}

describe('errors in the user’s language', () => {
  it('words a keyed error in Korean, and an unkeyed one by its code with the English detail beneath', async () => {
    renderAlerts('ko');
    act(() => report(userError('not-found', 'workspace.missing', { file: 'a.sqlite' })));
    const keyed = await screen.findByRole('alert');
    expect(keyed.textContent).toContain('파일이 없습니다: a.sqlite');
    expect(keyed.textContent).not.toContain('does not exist');
    act(() => report(new AppError('conflict', 'x.sqlite already exists.')));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const plain = screen.getAllByRole('alert')[1]!;
    expect(plain.textContent).toContain('이미 있는 항목과 충돌합니다.');
    expect(plain.querySelector('[lang="en"]')?.textContent).toBe('x.sqlite already exists.');
  });

  it('shows the English wording alone in English', async () => {
    renderAlerts('en');
    act(() => report(userError('not-found', 'workspace.missing', { file: 'a.sqlite' })));
    act(() => report(new TypeError('Failed to fetch')));
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const [keyed, plain] = screen.getAllByRole('alert');
    expect(keyed!.textContent).toContain('a.sqlite does not exist.');
    expect(plain!.textContent).toContain('Failed to fetch');
    expect(plain!.querySelector('[lang="en"]')).toBeNull();
  });
});
