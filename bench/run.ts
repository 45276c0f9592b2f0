import { fanoutBench } from './fanout.js';
import { foundationBench } from './foundation.js';
import { itemsBench } from './items.js';
import { itemRepliesBench } from './item-replies.js';
import { memoryBench } from './memory.js';
import { policyBench } from './policy.js';
import { schedulerBench } from './scheduler.js';
import { startupBench } from './startup.js';
import { storeBench } from './store.js';
import { throughputBench } from './throughput.js';
import { surveysBench } from './surveys.js';
import { understandingBench } from './understanding.js';
import type { Bench, BenchRow } from './types.js';

/** Every benchmark, one line each; `npm run bench` prints one table. */
const benches: ReadonlyArray<[string, Bench]> = [
  ['foundation', foundationBench],
  ['startup', startupBench],
  ['policy', policyBench],
  ['throughput', throughputBench],
  ['fanout', fanoutBench],
  ['store', storeBench],
  ['scheduler', schedulerBench],
  ['surveys', surveysBench],
  ['items', itemsBench],
  ['item-replies', itemRepliesBench],
  ['memory', memoryBench],
  ['understanding', understandingBench],
];

const only = process.argv[2];
const rows: Array<BenchRow & { group: string }> = [];
for (const [group, bench] of benches) {
  if (only && only !== group) continue;
  process.stderr.write(`running ${group}…\n`);
  for (const row of await bench()) rows.push({ group, ...row });
}

const format = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));
const header = ['group', 'measure', 'value', 'unit', 'note'];
const lines = rows.map((r) => [r.group, r.name, format(r.value), r.unit, r.note ?? '']);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
const print = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
process.stdout.write(`${print(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
for (const line of lines) process.stdout.write(`${print(line)}\n`);
process.stdout.write(
  `\nnode ${process.version}, ${(await import('node:os')).cpus().length} cores\n`,
);
