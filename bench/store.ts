import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DocumentStore } from '../src/store/document-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { createTestSchema } from '../test/harness/postgres.js';
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

/** Latencies of WRITES single puts into a store that holds RECORDS records, sorted. */
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

/** Latencies of WRITES atomic read-modify-writes of existing records, sorted. */
async function updateLatencies(store: DocumentStore): Promise<number[]> {
  const deliveries = store.collection<DeliveryLike>('deliveries');
  const latencies: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const t = performance.now();
    await deliveries.update(`d${i * 499}`, (current) =>
      current ? { ...current, status: 'failed' } : undefined,
    );
    latencies.push(performance.now() - t);
  }
  return latencies.sort((a, b) => a - b);
}

/** Issue 8 (c): the embedded store and PostgreSQL holding 100,000 records. */
export async function storeBench(): Promise<BenchRow[]> {
  return [...(await lowdbBench()), ...(await postgresBench())];
}

/** Single-record write p99 and cold load of the lowdb file with 100,000 records. */
async function lowdbBench(): Promise<BenchRow[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'honbu-store-')), 'honbu.json');
  const filling = await LowdbStore.openFile(path);
  const collections = filling.db.data.collections;
  const deliveries: Record<string, DeliveryLike> = {};
  for (let i = 0; i < RECORDS; i++) deliveries[`d${i}`] = record(i);
  collections['deliveries'] = deliveries;
  await filling.snapshot();
  await filling.close();

  const t = performance.now();
  const store = await LowdbStore.openFile(path);
  const coldLoad = performance.now() - t;
  const latencies = await writeLatencies(store);
  const updates = await updateLatencies(store);
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
      note: 'one append to the journal',
    },
    {
      name: `lowdb single write p99 at ${RECORDS.toLocaleString('en')} records`,
      value: percentile(latencies, 99),
      unit: 'ms',
    },
    {
      name: `lowdb update (read-modify-write) p99 at ${RECORDS.toLocaleString('en')} records`,
      value: percentile(updates, 99),
      unit: 'ms',
    },
  ];
}

/**
 * The same on PostgreSQL (127.0.0.1:5432, database `test`, a throwaway schema),
 * with the server's durable commits (synchronous_commit on, unlike the tests):
 * "cold load" is what start-up costs there, connecting and checking migrations,
 * since nothing is read into memory.
 */
async function postgresBench(): Promise<BenchRow[]> {
  const schema = await createTestSchema();
  try {
    const url = new URL(schema.url);
    url.searchParams.set('options', `-c search_path=${schema.name}`);
    const filling = await PostgresStore.open(url.toString());
    await filling.close();
    const records = Array.from({ length: RECORDS }, (_, i) => record(i));
    const bulk = new pg.Client({ connectionString: url.toString() });
    await bulk.connect();
    await bulk.query(
      `INSERT INTO documents (collection, id, data)
       SELECT 'deliveries', r->>'id', r FROM jsonb_array_elements($1::jsonb) AS r`,
      [JSON.stringify(records)],
    );
    await bulk.query('ANALYZE documents');
    const { rows } = await bulk.query<{ bytes: string }>(
      "SELECT pg_total_relation_size('documents')::text AS bytes",
    );
    await bulk.end();

    const t = performance.now();
    const store = await PostgresStore.open(url.toString());
    const open = performance.now() - t;
    const deliveries = store.collection<DeliveryLike>('deliveries');
    const t2 = performance.now();
    await deliveries.get('d99999');
    const firstRead = performance.now() - t2;
    const latencies = await writeLatencies(store);
    const updates = await updateLatencies(store);
    const t3 = performance.now();
    const found = await deliveries.find({ jobId: 'job:meeting:m7:reminder' });
    const findMs = performance.now() - t3;
    await store.close();
    return [
      {
        name: `PostgreSQL start (connect, check migrations), ${RECORDS.toLocaleString('en')} records`,
        value: open,
        unit: 'ms',
        note: `${(Number(rows[0]?.bytes ?? 0) / 1e6).toFixed(1)} MB table + indexes; first read ${firstRead.toFixed(1)} ms`,
      },
      {
        name: `PostgreSQL single write p50 at ${RECORDS.toLocaleString('en')} records`,
        value: percentile(latencies, 50),
        unit: 'ms',
        note: 'one INSERT … ON CONFLICT; synchronous_commit and fsync on',
      },
      {
        name: `PostgreSQL single write p99 at ${RECORDS.toLocaleString('en')} records`,
        value: percentile(latencies, 99),
        unit: 'ms',
      },
      {
        name: `PostgreSQL update (read-modify-write) p99 at ${RECORDS.toLocaleString('en')} records`,
        value: percentile(updates, 99),
        unit: 'ms',
        note: 'transaction with SELECT … FOR UPDATE',
      },
      {
        name: `PostgreSQL find by field at ${RECORDS.toLocaleString('en')} records`,
        value: findMs,
        unit: 'ms',
        note: `${found.length} matches via the jsonb index`,
      },
    ];
  } finally {
    await schema.drop();
  }
}
