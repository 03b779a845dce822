/**
 * Real ClickHouse servers for the tests and the warehouse bench: `clickhouse-server` (Debian's 18.16
 * in CI) started as separate processes on free local ports, each with its own config and data folder
 * in a temp folder. Two servers form the cluster `nd_two_shards` (one shard each), so that the tests
 * exercise Distributed tables over two shards exactly as a real cluster would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const SERVER_BINARY = ['/usr/bin/clickhouse-server', '/usr/sbin/clickhouse-server', '/usr/bin/clickhouse'].find((p) =>
  fs.existsSync(p),
);

/** Whether a ClickHouse server binary is installed here (CI installs Debian's). */
export const clickhouseAvailable = SERVER_BINARY !== undefined;

export const CLUSTER = 'nd_two_shards';
export const TEST_USER = 'nd_tester';
export const TEST_PASSWORD = 'nd-tester-password';
export const READER_USER = 'nd_reader';
export const READER_PASSWORD = 'nd-reader-password';

export interface LocalServer {
  httpUrl: string;
  tcpPort: number;
  dir: string;
  process: ChildProcess;
}

export interface LocalCluster {
  cluster: string;
  servers: LocalServer[];
  user: string;
  password: string;
  /** Stops every server and removes the folder. */
  stop(): Promise<void>;
}

/**
 * `n` distinct free ports: every socket is held until all are chosen, so the system cannot hand the
 * same port out twice (it may reuse a port as soon as its socket closes).
 */
async function freePorts(n: number): Promise<number[]> {
  const held: net.Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      held.push(
        await new Promise<net.Server>((resolve, reject) => {
          const s = net.createServer();
          s.once('error', reject);
          s.listen(0, '127.0.0.1', () => resolve(s));
        }),
      );
    }
    return held.map((s) => (s.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(held.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

function usersXml(): string {
  const user = (name: string, password: string, profile: string) =>
    `<${name}><password>${password}</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>${profile}</profile><quota>default</quota></${name}>`;
  return `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage></default>
    <readonly><readonly>2</readonly></readonly>
  </profiles>
  <users>
    ${user('default', '', 'default')}
    ${user(TEST_USER, TEST_PASSWORD, 'default')}
    ${user(READER_USER, READER_PASSWORD, 'readonly')}
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;
}

function configXml(dir: string, httpPort: number, tcpPort: number, shards: number[]): string {
  const shardXml = shards
    .map((p) => `<shard><replica><host>127.0.0.1</host><port>${p}</port><user>${TEST_USER}</user><password>${TEST_PASSWORD}</password></replica></shard>`)
    .join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><size>10M</size><count>1</count></logger>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/files/</user_files_path>
  <format_schema_path>${dir}/schemas/</format_schema_path>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <timezone>UTC</timezone>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <remote_servers><${CLUSTER}>${shardXml}</${CLUSTER}></remote_servers>
</yandex>
`;
}

async function waitReady(url: string, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = fs.existsSync(`${dir}/error.log`) ? fs.readFileSync(`${dir}/error.log`, 'utf8').slice(-2000) : '';
      throw new Error(`clickhouse-server exited with ${child.exitCode}: ${log}`);
    }
    try {
      const res = await fetch(`${url}/ping`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`clickhouse-server at ${url} did not start within 60 s`);
}

/**
 * Starts `count` servers (default two) forming the cluster `nd_two_shards`. Another process can take
 * a chosen port before a server binds it: a start that fails so is tried again with new ports.
 */
export async function startLocalCluster(count = 2): Promise<LocalCluster> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(count);
    } catch (error) {
      if (attempt >= 3 || !/Address already in use/.test((error as Error).message)) throw error;
    }
  }
}

async function startOnce(count: number): Promise<LocalCluster> {
  if (!SERVER_BINARY) throw new Error('clickhouse-server is not installed (apt-get install clickhouse-server)');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nd-clickhouse-'));
  const chosen = await freePorts(2 * count);
  const ports = Array.from({ length: count }, (_, i) => ({ http: chosen[2 * i]!, tcp: chosen[2 * i + 1]! }));
  const servers: LocalServer[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const dir = path.join(root, `shard${i + 1}`);
      for (const sub of ['data', 'tmp', 'files', 'schemas']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
      fs.writeFileSync(path.join(dir, 'users.xml'), usersXml());
      fs.writeFileSync(path.join(dir, 'config.xml'), configXml(dir, ports[i]!.http, ports[i]!.tcp, ports.map((p) => p.tcp)));
      const child = spawn(SERVER_BINARY, [`--config-file=${dir}/config.xml`], { cwd: dir, stdio: 'ignore', detached: false });
      servers.push({ httpUrl: `http://127.0.0.1:${ports[i]!.http}`, tcpPort: ports[i]!.tcp, dir, process: child });
    }
    await Promise.all(servers.map((s) => waitReady(s.httpUrl, s.process, s.dir)));
  } catch (error) {
    for (const s of servers) s.process.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
    throw error;
  }
  // Idempotent: a test may stop the cluster (to see the app meet a dead server) before the file's
  // afterAll stops it again. A server killed by a signal has a signalCode and no exitCode.
  const exited = (p: ChildProcess) => p.exitCode !== null || p.signalCode !== null;
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              if (exited(s.process)) return resolve();
              const timer = setTimeout(() => s.process.kill('SIGKILL'), 1_000);
              s.process.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              s.process.kill('SIGTERM');
            }),
        ),
      );
      fs.rmSync(root, { recursive: true, force: true });
    })());
  return { cluster: CLUSTER, servers, user: TEST_USER, password: TEST_PASSWORD, stop };
}
