// Each test run's scratch files (stores, journals, staged installs, builds) go to a folder of
// its own, in memory where the machine has a tmpfs, and the folder goes when the run ends.
// Many tests write a store file per bot they start and leave it behind; on this machine's
// journaling disk those writes (each one synced) cost the run about 30 s of CPU, and in memory
// what they leave would otherwise pile up run after run.
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const TMPFS = '/dev/shm';

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

let scratch: string | undefined;

/** Mocha's global setup (.mocharc.cjs `require`): before the workers start, which inherit TMPDIR. */
export function mochaGlobalSetup(): void {
  scratch = mkdtempSync(join(writable(TMPFS) ? TMPFS : tmpdir(), 'honbu-test-run-'));
  // tsx keeps the files it compiled in <tmpdir>/tsx-<uid>: a link lets the workers reuse the
  // lasting cache instead of compiling every module again in each run.
  const cache = `tsx-${userInfo().uid}`;
  mkdirSync(join(tmpdir(), cache), { recursive: true });
  symlinkSync(join(tmpdir(), cache), join(scratch, cache), 'dir');
  process.env['TMPDIR'] = scratch;
}

export function mochaGlobalTeardown(): void {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
