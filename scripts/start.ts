/**
 * `npm start`: the whole app locally with no configuration. Builds the tab when its sources
 * changed, starts the app (which starts Azurite under .data/ and seeds the demo programme once),
 * then the Microsoft 365 Agents Playground as a local Teams client (PLAYGROUND=false turns it off).
 * Ctrl-C or SIGTERM stops everything and frees every port.
 */
import { readFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../src/bot/config.js';
import { startApp, type RunningApp } from '../src/bot/index.js';
import { readVersion } from '../src/bot/entry.js';
import { isProcessAlive } from '../src/bot/util/process.js';
import { buildTab, isTabBuildStale } from './lib/tab-build.js';

const bin = (name: string) => resolve('node_modules/.bin', name);
/** Seconds since this Node process started (module loading included). */
const seconds = () => process.uptime().toFixed(1);

function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((done) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); done(true); });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) done(false);
        else setTimeout(attempt, 200);
      });
    };
    attempt();
  });
}

function startPlayground(appPort: number, port: number): ChildProcess {
  const child = spawn(
    bin('agentsplayground'),
    ['-e', `http://127.0.0.1:${appPort}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    { stdio: ['ignore', 'ignore', 'inherit'], detached: true, env: { ...process.env, BROWSER: 'none' } },
  );
  child.unref();
  return child;
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, readVersion());
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  }
  if (isTabBuildStale(resolve(config.tabDistDir))) {
    console.log('Building the tab (vite build)...');
    buildTab();
  }

  const running: { app?: RunningApp } = {};
  let playground: ChildProcess | undefined;
  let stopping = false;
  const killPlayground = () => {
    if (playground?.pid && playground.exitCode === null) {
      try { process.kill(-playground.pid, 'SIGTERM'); } catch { /* already gone */ }
    }
  };
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    killPlayground();
    await running.app?.close();
    console.log('Stopped. No process or port left behind.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // A process manager's SIGTERM reaches only `npm`, which dies without passing it on: stop when
  // whoever launched us (npm and tsx, or the shell) is gone, so nothing is left running.
  watchLaunchers(() => void stop('launcher gone'));
  process.once('exit', killPlayground);

  const app = await startApp(config);
  running.app = app;
  if (app.seed?.seeded) {
    console.log(`Seeded the demo programme: ${app.seed.employees} employees, ${app.seed.content} content items, ${app.seed.topics} topics, ${app.seed.shares} shares with ${app.seed.clicks} clicks in the running contest.`);
  }
  const lines = [
    `Advocacy Hub ${config.version} is ready in ${seconds()} s`,
    `  Tab (Board)        ${app.url}/tab/`,
    `  Bot endpoint       ${app.url}/api/messages`,
    `  Health             ${app.url}/healthz`,
  ];
  if (config.playground.enabled) {
    playground = startPlayground(config.port, config.playground.port);
    const up = await waitForPort(config.playground.port, 20_000);
    lines.push(up
      ? `  Teams client       http://localhost:${config.playground.port}  (Microsoft 365 Agents Playground: chat with the bot)`
      : '  Teams client       the Agents Playground did not start; PLAYGROUND=false hides this line');
  }
  lines.push(`  Storage            Azurite under ${config.storage.kind === 'azurite' ? config.storage.location : '(configured account)'}`, 'Press Ctrl-C to stop.');
  console.log(lines.join('\n'));
}

/** Call `onGone` once the parent or grandparent process has exited (checked twice a second). */
function watchLaunchers(onGone: () => void): void {
  const watched = [process.ppid, grandparentPid()].filter((pid): pid is number => pid !== undefined && pid > 1);
  const timer = setInterval(() => {
    if (process.ppid === 1 || watched.some((pid) => !isProcessAlive(pid))) {
      clearInterval(timer);
      // The terminal or pipe may be gone with the launcher: a failed write must not stop the clean-up.
      process.stdout.on('error', () => undefined);
      process.stderr.on('error', () => undefined);
      onGone();
    }
  }, 500);
  timer.unref();
}

/** The parent's parent from /proc (Linux, App Service, CI); undefined elsewhere. */
function grandparentPid(): number | undefined {
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}


main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
