import type { DocumentStore } from './document-store.js';
import { LowdbStore } from './lowdb-store.js';

/** Opens the backend named by STORE_URL (file:PATH or memory:). */
export async function openStore(url: string): Promise<DocumentStore> {
  if (url.startsWith('file:')) return LowdbStore.openFile(url.slice('file:'.length));
  if (url.startsWith('memory:')) return LowdbStore.openMemory();
  throw new Error(`No store backend for ${url.split(':')[0]}: (yet)`);
}
