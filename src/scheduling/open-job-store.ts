import type { DocumentStore } from '../store/document-store.js';
import { PostgresStore } from '../store/postgres-store.js';
import { DocumentJobStore, type JobStore } from './job-store.js';
import { PostgresJobStore } from './postgres-job-store.js';

/** The job store that fits the backend: shared claims on PostgreSQL, an in-process index on lowdb. */
export async function openJobStore(store: DocumentStore): Promise<JobStore> {
  if (store instanceof PostgresStore) return new PostgresJobStore(store);
  return DocumentJobStore.open(store);
}
