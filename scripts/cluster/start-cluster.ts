/**
 * Several Escale instances on one PostgreSQL and one Redis, behind HAProxy (Debian's package), on this
 * machine: what `npm run cluster` starts, and what the fault tests start and break (tests/integration/
 * cluster.test.ts). The HAProxy configuration is written here: WebSocket upgrades pass through (HAProxy
 * switches a connection that upgrades to tunnel mode by itself), instances are health-checked on
 * /api/health every second, and no stickiness is needed (any instance serves any traveller).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopProcess, waitForHealth } from '../bench/server-process.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const HAPROXY_BIN = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

export interface ClusterOptions {
  instances: number;
  databaseUrl: string;
  redisUrl: string;
  /** The balancer's port (0 or unset: a free one). */
  port?: number;
  host?: string;
  /** Extra environment for every instance. */
  env?: Record<string, string>;
  /** `sources` runs server/src/main.ts through tsx (tests); `dist` runs the built server (npm run cluster). */
  entry?: 'sources' | 'dist';
  /** Where the instances' and HAProxy's output goes: their log lines, or nowhere. */
  output?: 'inherit' | 'ignore';
}

export interface Instance {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
}

export interface Cluster {
  /** The balancer's URL: what a traveller's browser opens. */
  url: string;
  instances: Instance[];
  haproxy: ChildProcess;
  configFile: string;
  /** Starts instance `index` again (after a kill) on its port; resolves once it answers health. */
  restart(index: number): Promise<Instance>;
  stop(): Promise<void>;
}

export function haproxyConfig(frontend: { host: string; port: number }, instances: { name: string; port: number }[]): string {
  return [
    'global',
    // Two descriptors per proxied connection; the machine's limit here is 20,000 (HAProxy refuses to start
    // when maxconn needs more than it can raise to).
    '  maxconn 9000',
    '',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A WebSocket is a tunnel once upgraded: idle up to the heartbeat's interval and more.
    '  timeout tunnel 1h',
    '  timeout http-request 10s',
    '',
    'frontend escale',
    `  bind ${frontend.host}:${frontend.port}`,
    '  option forwardfor',
    '  default_backend instances',
    '',
    'backend instances',
    // Long-lived WebSockets: a new one goes where the fewest are open.
    '  balance leastconn',
    // A connection refused by an instance that just died is tried on another one.
    '  retries 2',
    '  option redispatch 1',
    '  option httpchk GET /api/health',
    '  http-check expect status 200',
    // A dead instance is out within about two seconds; a restarted one is back after one good check.
    '  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions',
    ...instances.map((i) => `  server ${i.name} 127.0.0.1:${i.port} check`),
    '',
  ].join('\n');
}

function spawnInstance(options: ClusterOptions, name: string, port: number): Instance {
  const entry = options.entry ?? 'sources';
  const args = entry === 'sources' ? ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')] : ['--enable-source-maps', path.join(ROOT, 'server/dist/main.js')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: options.redisUrl,
      LOG_LEVEL: options.output === 'inherit' ? 'info' : 'silent',
      ...options.env,
    },
    stdio: ['ignore', options.output ?? 'ignore', 'inherit'],
  });
  return { name, port, url: `http://127.0.0.1:${port}`, child };
}

async function waitForBalancer(url: string, haproxy: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (haproxy.exitCode !== null) throw new Error(`haproxy exited with ${haproxy.exitCode}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the balancer at ${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!fs.existsSync(HAPROXY_BIN)) throw new Error(`HAProxy is not installed at ${HAPROXY_BIN}: apt-get install haproxy (or set HAPROXY_BIN)`);
  const host = options.host ?? '127.0.0.1';
  const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
  const instances: Instance[] = [];
  let haproxy: ChildProcess | null = null;
  const stop = async () => {
    if (haproxy) await stopProcess(haproxy, 5_000);
    await Promise.all(instances.map((i) => stopProcess(i.child)));
  };
  try {
    // The first instance migrates and seeds the database alone; the others start together once it answers.
    const first = spawnInstance(options, 'escale1', ports[0]!);
    instances.push(first);
    await waitForHealth(first.url, first.child);
    const others = ports.slice(1).map((port, i) => spawnInstance(options, `escale${i + 2}`, port));
    instances.push(...others);
    await Promise.all(others.map((i) => waitForHealth(i.url, i.child)));

    const port = options.port || (await freePort());
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'escale-cluster-'));
    const configFile = path.join(dir, 'haproxy.cfg');
    fs.writeFileSync(configFile, haproxyConfig({ host, port }, instances));
    // -db: stay in the foreground, log to stderr; stopped with SIGTERM (or SIGUSR1 for a soft stop).
    haproxy = spawn(HAPROXY_BIN, ['-f', configFile, '-db'], { stdio: ['ignore', options.output ?? 'ignore', options.output ?? 'ignore'] });
    const url = `http://${host}:${port}`;
    await waitForBalancer(url, haproxy);
    const balancer = haproxy;
    return {
      url,
      instances,
      haproxy: balancer,
      configFile,
      async restart(index) {
        const old = instances[index]!;
        await stopProcess(old.child);
        const again = spawnInstance(options, old.name, old.port);
        instances[index] = again;
        await waitForHealth(again.url, again.child);
        return again;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
