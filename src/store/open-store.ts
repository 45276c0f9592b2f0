import type { DocumentStore } from './document-store.js';
import { LowdbStore } from './lowdb-store.js';
import { PostgresStore, type PostgresStoreOptions } from './postgres-store.js';

/** Opens the backend named by STORE_URL (file:PATH, memory: or postgres://...). */
export async function openStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<DocumentStore> {
  if (url.startsWith('file:')) return LowdbStore.openFile(url.slice('file:'.length));
  if (url.startsWith('memory:')) return LowdbStore.openMemory();
  if (/^postgres(ql)?:\/\//.test(url)) return PostgresStore.open(url, options);
  throw new Error(`No store backend for ${url.split(':')[0]}:`);
}
