import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, in ms) a child process has used so far, from
 * /proc/<pid>/stat; undefined where there is no /proc (not Linux). Unlike
 * turns per second, it does not depend on what else the machine is doing.
 */
export function cpuMsOf(child: ChildProcess): number | undefined {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf-8');
    // Fields after the command name (which may hold spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** How long a started process may take to become ready (tsx compiles on the way). */
const START_TIMEOUT_MS = 60_000;

/**
 * Starts a TypeScript entry point in its own Node process and waits until it is
 * ready: GET /readyz answers 200, or it prints a line saying "ready" (the echo bot,
 * which has no /readyz). Honbu logs nothing at the default level and prints its
 * "listens on" line only without an app id, so /readyz is what counts for it.
 */
export async function startNode(
  entry: string,
  env: Record<string, string>,
  options: {
    readonly nodeArgs?: readonly string[];
    /** False for compiled JavaScript (a production build), which Node runs as it is. */
    readonly tsx?: boolean;
  } = {},
): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const loader = options.tsx === false ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, entry], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timeout);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null) => finish(new Error(`${entry} exited with ${code}`));
    const timeout = setTimeout(
      () => finish(new Error(`${entry} was not ready after ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    );
    child.once('exit', onExit);
    // Read everything it prints, or a full pipe would block it.
    child.stdout?.on('data', (chunk: Buffer) => {
      if (/\bready\b/i.test(chunk.toString())) finish();
    });
    const poll = async () => {
      while (!settled) {
        const ready = await fetch(`${url}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ready) return finish();
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    void poll();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { child, url, stop };
}
