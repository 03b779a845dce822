import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { userError, type AppError, type InputOf, type WorkspaceInfo } from '../../shared/contract/index.ts';
import { ConnectWarehouseButton } from '../../renderer/components/warehouse/ConnectWarehouseButton.tsx';
import { connectProblems, emptyConnectForm, isWarehouseUrl } from '../../renderer/components/warehouse/connect-form.ts';
import { WorkspaceSwitcher } from '../../renderer/components/WorkspaceSwitcher.tsx';
import { MenuCommands } from '../../renderer/components/MenuCommands.tsx';
import { TopBar } from '../../renderer/components/TopBar.tsx';
import { WorkspaceFlowProvider } from '../../renderer/components/workspace-flow.tsx';
import { memoryBridge, renderWith, type Handlers } from './dashboards/harness.tsx';
import { testWorkspace } from './frame/memory-bridge.ts';

afterEach(cleanup);

const SECRET = 's3cret-비번-!';

/** A ClickHouse workspace as the backend describes it (the shared test workspace, with its warehouse). */
function info(over: Partial<WorkspaceInfo> = {}): WorkspaceInfo {
  return {
    ...testWorkspace('/ws/platform.sqlite'),
    warehouse: { url: 'http://ch.example:8123', database: 'notice_desk', user: 'analyst', cluster: 'platform' },
    ...over,
  };
}

/** The Welcome screen's card over a test bridge, as browser mode (default) or Electron. */
function mount(handlers: Handlers, options: { locale?: 'ko' | 'en'; transport?: 'browser' | 'electron'; persistent?: boolean } = {}) {
  const b = memoryBridge({
    'app:info': () => ({ version: '0.1.0', transport: options.transport ?? 'browser', platform: 'linux', documentsDir: '/home/minji/Documents' }),
    'workspace:passwordStorage': () => ({ persistent: options.persistent ?? false }),
    'workspace:connectWarehouse': () => info(),
    ...handlers,
  });
  renderWith(<ConnectWarehouseButton />, b.bridge, options.locale ?? 'en');
  return b;
}

async function open(name: string): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name }));
  return screen.findByRole('dialog', { name });
}

const type = (dialog: HTMLElement, label: string, value: string) => fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });

describe('the connect-to-ClickHouse dialog', () => {
  it('opens from the Welcome card in Korean with labelled fields, the default database and where the password is kept', async () => {
    mount({}, { locale: 'ko' });
    const dialog = await open('ClickHouse에 연결');
    expect(within(dialog).getByRole('heading', { level: 2, name: 'ClickHouse에 연결' })).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('워크스페이스 이름'));
    expect((within(dialog).getByLabelText('데이터베이스') as HTMLInputElement).value).toBe('notice_desk');
    expect((within(dialog).getByLabelText('사용자') as HTMLInputElement).value).toBe('default');
    expect(within(dialog).getByLabelText('클러스터(선택)')).toBeTruthy();
    expect(within(dialog).getByLabelText('서버 주소').getAttribute('placeholder')).toBe('http://localhost:8123');
    expect((within(dialog).getByLabelText('비밀번호') as HTMLInputElement).type).toBe('password');
    // Browser mode: no keychain to offer; the dialog says the password stays in memory.
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(dialog.textContent).toContain('브라우저 모드에서는 비밀번호를 디스크에 쓰지 않고');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('checks the fields before sending anything, names each problem beside its field and focuses the first', async () => {
    const b = mount({});
    const dialog = await open('Connect to ClickHouse');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    const name = within(dialog).getByLabelText('Workspace name');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(name);
    expect(within(dialog).getByText('Enter a name for the workspace.').id).toBe(name.getAttribute('aria-errormessage'));
    expect(within(dialog).getByText('Enter the server’s address.')).toBeTruthy();

    type(dialog, 'Workspace name', 'Platform');
    type(dialog, 'Server address', 'http://admin:pw@ch.example:8123');
    type(dialog, 'Database', '2016-db');
    type(dialog, 'Cluster (optional)', 'two shards');
    type(dialog, 'User', '  ');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByText(/Give an http:\/\/ or https:\/\/ address without a user name or password/)).toBeTruthy();
    expect(within(dialog).getAllByText(/Use letters, digits and underscores/)).toHaveLength(2);
    expect(within(dialog).getByText('Enter the user name.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Server address'));
    expect(within(dialog).getByLabelText('Workspace name').getAttribute('aria-invalid')).toBeNull();
    expect(b.log.named('workspace:connectWarehouse')).toEqual([]);
  });

  it('sends the trimmed fields, the password only when typed, and closes once the workspace is open', async () => {
    const b = mount({});
    const dialog = await open('Connect to ClickHouse');
    type(dialog, 'Workspace name', ' Platform 2016 ');
    type(dialog, 'Server address', ' https://ch.example:8443 ');
    type(dialog, 'Database', ' nd_platform ');
    type(dialog, 'User', 'analyst');
    type(dialog, 'Cluster (optional)', 'platform');
    type(dialog, 'Password', SECRET);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(b.log.named('workspace:connectWarehouse')).toEqual([
      { name: 'Platform 2016', url: 'https://ch.example:8443', database: 'nd_platform', user: 'analyst', cluster: 'platform', password: SECRET, remember: false },
    ]);
    // No other call carried the password.
    expect(JSON.stringify(b.log.calls.filter((c) => c.name !== 'workspace:connectWarehouse'))).not.toContain(SECRET);

    // Empty password and cluster: the backend looks for the password itself, one server.
    fireEvent.click(screen.getByRole('button', { name: 'Connect to ClickHouse' }));
    const again = await screen.findByRole('dialog');
    type(again, 'Workspace name', 'one');
    type(again, 'Server address', 'http://localhost:8123');
    type(again, 'Database', '');
    fireEvent.click(within(again).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(b.log.named('workspace:connectWarehouse')).toHaveLength(2));
    expect(b.log.named('workspace:connectWarehouse')[1]).toEqual({ name: 'one', url: 'http://localhost:8123', database: 'notice_desk', user: 'default', cluster: null, remember: false });
  });

  it('shows the server’s refusal in the user’s language inside the dialog, marks the field, and never shows the password', async () => {
    let fail: AppError | null = userError('unauthorized', 'warehouse.auth', { url: 'http://ch.example:8123', user: 'analyst' });
    const b = mount({
      'workspace:connectWarehouse': () => {
        if (fail) throw fail;
        return info();
      },
    }, { locale: 'ko' });
    const dialog = await open('ClickHouse에 연결');
    type(dialog, '워크스페이스 이름', '플랫폼');
    type(dialog, '서버 주소', 'http://ch.example:8123');
    type(dialog, '사용자', 'analyst');
    type(dialog, '비밀번호', SECRET);
    fireEvent.click(within(dialog).getByRole('button', { name: '연결' }));
    const alert = await within(dialog).findByTestId('warehouse-connect-error');
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('연결하지 못했습니다');
    expect(alert.textContent).toContain('http://ch.example:8123의 ClickHouse가 사용자 "analyst"를 거부했습니다. 사용자 이름이나 비밀번호가 틀립니다.');
    expect(within(dialog).getByLabelText('비밀번호').getAttribute('aria-invalid')).toBe('true');
    expect(document.body.textContent).not.toContain(SECRET);
    expect(screen.getByRole('dialog')).toBeTruthy();

    fail = userError('unavailable', 'warehouse.unreachable', { url: 'http://ch.example:8123', reason: 'ECONNREFUSED' });
    fireEvent.click(within(dialog).getByRole('button', { name: '연결' }));
    await waitFor(() => expect(within(dialog).getByTestId('warehouse-connect-error').textContent).toContain('ClickHouse 서버에 연결하지 못했습니다(ECONNREFUSED)'));
    expect(within(dialog).getByLabelText('서버 주소').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText('비밀번호').getAttribute('aria-invalid')).toBeNull();

    fail = userError('not-found', 'warehouse.shard-missing-tables', { cluster: 'platform', shards: '2' });
    type(dialog, '클러스터(선택)', 'platform');
    fireEvent.click(within(dialog).getByRole('button', { name: '연결' }));
    await waitFor(() => expect(within(dialog).getByTestId('warehouse-connect-error').textContent).toContain('클러스터 platform: 샤드 2에 Notice Desk 테이블이 없고'));
    expect(within(dialog).getByLabelText('클러스터(선택)').getAttribute('aria-invalid')).toBe('true');

    fail = userError('bad-input', 'warehouse.bad-url', { url: 'http://ch.example:8123' });
    fireEvent.click(within(dialog).getByRole('button', { name: '연결' }));
    await waitFor(() => expect(within(dialog).getByTestId('warehouse-connect-error').textContent).toContain('ClickHouse 주소가 아닙니다'));
    expect(document.body.textContent).not.toContain(SECRET);
    expect(b.log.named('workspace:connectWarehouse')).toHaveLength(4);
  });

  it('shows that it is busy while connecting, with the fields and the button disabled', async () => {
    let finish: (value: WorkspaceInfo) => void = () => {};
    mount({ 'workspace:connectWarehouse': () => new Promise<WorkspaceInfo>((resolve) => (finish = resolve)) });
    const dialog = await open('Connect to ClickHouse');
    type(dialog, 'Workspace name', 'p');
    type(dialog, 'Server address', 'http://localhost:8123');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    const button = await within(dialog).findByRole('button', { name: 'Connecting…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect((within(dialog).getByLabelText('Server address') as HTMLInputElement).closest('fieldset')!.disabled).toBe(true);
    expect(within(dialog).getByTestId('warehouse-busy').getAttribute('role')).toBe('status');
    expect(within(dialog).getByTestId('warehouse-connect-form').getAttribute('aria-busy')).toBe('true');
    finish(info());
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('in Electron: the file from the native save dialog, and the system keychain offered (or its absence said)', async () => {
    const b = mount({ 'workspace:pickPath': () => '/home/minji/Documents/platform.sqlite' }, { transport: 'electron', persistent: true });
    const dialog = await open('Connect to ClickHouse');
    expect(within(dialog).queryByLabelText('Workspace name')).toBeNull();
    expect(within(dialog).getByTestId('warehouse-file').textContent).toBe('No file chosen');
    const remember = within(dialog).getByRole('checkbox', { name: 'Remember in the system keychain' }) as HTMLInputElement;
    expect(remember.checked).toBe(true);
    type(dialog, 'Server address', 'http://localhost:8123');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByText('Choose where to save the workspace file.')).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Workspace file Choose…' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Workspace file Choose…' }));
    await waitFor(() => expect(within(dialog).getByTestId('warehouse-file').textContent).toBe('/home/minji/Documents/platform.sqlite'));
    expect(b.log.named('workspace:pickPath')).toEqual([{ mode: 'create' }]);
    type(dialog, 'Password', SECRET);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(b.log.named('workspace:connectWarehouse')).toHaveLength(1));
    expect(b.log.named('workspace:connectWarehouse')[0]).toEqual({
      path: '/home/minji/Documents/platform.sqlite',
      url: 'http://localhost:8123',
      database: 'notice_desk',
      user: 'default',
      cluster: null,
      password: SECRET,
      remember: true,
    } satisfies InputOf<'workspace:connectWarehouse'>);
    cleanup();

    const none = mount({}, { transport: 'electron', persistent: false });
    const noKeychain = await open('Connect to ClickHouse');
    expect(within(noKeychain).queryByRole('checkbox')).toBeNull();
    expect(noKeychain.textContent).toContain('This system offers no keychain: the password is kept until Notice Desk quits.');
    expect(none.log.named('workspace:connectWarehouse')).toEqual([]);
  });

  it('is offered in the workspace menu too, and the top bar marks a ClickHouse workspace with its server', async () => {
    const b = memoryBridge({
      'app:info': () => ({ version: '0.1.0', transport: 'browser', platform: 'linux', documentsDir: '/d' }),
      'workspace:passwordStorage': () => ({ persistent: false }),
      'workspace:current': () => info(),
      'settings:get': () => ({ locale: 'en', theme: 'light', timeZone: 'Asia/Seoul', reviewerName: '', recentWorkspaces: [], watchConsents: [] }) as never,
    });
    renderWith(
      <WorkspaceFlowProvider>
        <TopBar workspace={info()} />
      </WorkspaceFlowProvider>,
      b.bridge,
    );
    const badge = screen.getByTestId('warehouse-badge');
    expect(badge.textContent).toContain('ClickHouse');
    expect(badge.textContent).toContain('ch.example:8123');
    expect(badge.getAttribute('title')).toBe('Events in ClickHouse at http://ch.example:8123, database notice_desk, user analyst, cluster platform');
    fireEvent.click(screen.getByRole('button', { name: /Workspace/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Connect to ClickHouse…' }));
    expect(await screen.findByRole('dialog', { name: 'Connect to ClickHouse' })).toBeTruthy();
    cleanup();
    renderWith(<WorkspaceFlowProvider><WorkspaceSwitcher /><TopBar workspace={info({ warehouse: null })} /></WorkspaceFlowProvider>, b.bridge);
    expect(screen.queryByTestId('warehouse-badge')).toBeNull();
  });

  it("opens from the native menu's File › Connect to ClickHouse… (Electron's ui:command), in the user's language, and only for that command", async () => {
    const b = memoryBridge({
      'app:info': () => ({ version: '0.1.0', transport: 'electron', platform: 'win32', documentsDir: 'C:\\Users\\minji\\Documents' }),
      'workspace:passwordStorage': () => ({ persistent: true }),
    });
    renderWith(
      <WorkspaceFlowProvider>
        <MenuCommands />
      </WorkspaceFlowProvider>,
      b.bridge,
      'ko',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => b.emit('ui:command', { command: 'other' as never }));
    expect(screen.queryByRole('dialog')).toBeNull();
    act(() => b.emit('ui:command', { command: 'connect-warehouse' }));
    const dialog = await screen.findByRole('dialog', { name: 'ClickHouse에 연결' });
    expect(within(dialog).getByLabelText('서버 주소')).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});

describe('the connect form’s checks', () => {
  it('accepts http(s) addresses only, without credentials, query or fragment', () => {
    expect(isWarehouseUrl('http://localhost:8123')).toBe(true);
    expect(isWarehouseUrl(' https://ch.example.com:8443/ ')).toBe(true);
    for (const bad of ['localhost:8123', 'ftp://x', 'http://u:p@x', 'http://x/?user=a', 'http://x/#p', '']) expect(isWarehouseUrl(bad), bad).toBe(false);
  });

  it('takes shard addresses one per line, for a cluster only, and checks each', async () => {
    const b = mount({});
    const dialog = await open('Connect to ClickHouse');
    type(dialog, 'Workspace name', 'Platform');
    type(dialog, 'Server address', 'http://ch1.example:8123');
    type(dialog, 'Shard addresses (optional)', 'http://ch1.example:8123\nch2.example:8123');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    const shards = within(dialog).getByLabelText('Shard addresses (optional)');
    expect(within(dialog).getByText(/Give each shard as an http:\/\/ or https:\/\/ address/).id).toBe(shards.getAttribute('aria-errormessage'));
    expect(document.activeElement).toBe(shards);
    type(dialog, 'Shard addresses (optional)', ' http://ch1.example:8123 \n\n https://ch2.example:8443\n');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    expect(within(dialog).getByText(/Shard addresses are for a cluster: give the cluster’s name too/)).toBeTruthy();
    expect(b.log.named('workspace:connectWarehouse')).toEqual([]);
    type(dialog, 'Cluster (optional)', 'platform');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(b.log.named('workspace:connectWarehouse')).toHaveLength(1));
    expect(b.log.named('workspace:connectWarehouse')[0]).toMatchObject({
      cluster: 'platform',
      shards: ['http://ch1.example:8123', 'https://ch2.example:8443'],
    });
  });

  it('asks for the file in Electron and the name in browser mode', () => {
    const form = { ...emptyConnectForm(true), url: 'http://x:8123' };
    expect(connectProblems(form, true)).toEqual({ file: 'fileRequired' });
    expect(connectProblems(form, false)).toEqual({ name: 'nameRequired' });
    expect(connectProblems({ ...form, name: 'w', database: '', cluster: '' }, false)).toEqual({});
  });
});
