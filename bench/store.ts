import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentStore } from '../src/store/document-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { percentile, type BenchRow } from './types.js';

const RECORDS = 100_000;
const WRITES = 200;

interface DeliveryLike {
  readonly id: string;
  readonly jobId: string;
  readonly recipientKey: string;
  readonly status: string;
  readonly at: string;
}

function record(i: number): DeliveryLike {
  return {
    id: `d${i}`,
    jobId: `job:meeting:m${i % 50}:reminder`,
    recipientKey: `person:${i}`,
    status: 'sent',
    at: new Date(1_800_000_000_000 + i).toISOString(),
  };
}

/** Fills a store with RECORDS records (as one bulk load), returns write latencies of single puts after that. */
async function writeLatencies(store: DocumentStore): Promise<number[]> {
  const deliveries = store.collection<DeliveryLike>('deliveries');
  const latencies: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const t = performance.now();
    await deliveries.put(record(RECORDS + i));
    latencies.push(performance.now() - t);
  }
  return latencies.sort((a, b) => a - b);
}

/** Issue 8 (c), embedded store: single-record write p99 and cold load with 100,000 records. */
export async function storeBench(): Promise<BenchRow[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'honbu-store-')), 'honbu.json');
  const filling = await LowdbStore.openFile(path);
  const collections = filling.db.data.collections;
  const deliveries: Record<string, DeliveryLike> = {};
  for (let i = 0; i < RECORDS; i++) deliveries[`d${i}`] = record(i);
  collections['deliveries'] = deliveries;
  await filling.persist();
  await filling.close();

  const t = performance.now();
  const store = await LowdbStore.openFile(path);
  const coldLoad = performance.now() - t;
  const latencies = await writeLatencies(store);
  await store.close();
  return [
    {
      name: `lowdb cold load, ${RECORDS.toLocaleString('en')} records`,
      value: coldLoad,
      unit: 'ms',
      note: `${(statSync(path).size / 1e6).toFixed(1)} MB file`,
    },
    {
      name: `lowdb single write p50 at ${RECORDS.toLocaleString('en')} records`,
      value: percentile(latencies, 50),
      unit: 'ms',
      note: 'whole file rewritten atomically',
    },
    {
      name: `lowdb single write p99 at ${RECORDS.toLocaleString('en')} records`,
      value: percentile(latencies, 99),
      unit: 'ms',
    },
  ];
}
