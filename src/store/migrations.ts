import { StoreUnavailableError } from './document-store.js';

export interface StoredData {
  schemaVersion: number;
  collections: Record<string, Record<string, unknown>>;
}

/**
 * Each entry upgrades the data from version i+1 to i+2, in place.
 * Add a function here (never edit an old one) when the stored shape changes.
 */
const migrations: ReadonlyArray<(data: StoredData) => void> = [];

export const CURRENT_SCHEMA_VERSION = migrations.length + 1;

export function migrate(data: StoredData, label: string): { data: StoredData; changed: boolean } {
  if (
    typeof data !== 'object' ||
    data === null ||
    typeof data.schemaVersion !== 'number' ||
    typeof data.collections !== 'object'
  ) {
    throw new StoreUnavailableError(
      `The store ${label} does not look like a Honbu store (no schemaVersion/collections).`,
    );
  }
  if (data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new StoreUnavailableError(
      `The store ${label} has schema version ${data.schemaVersion}, newer than this Honbu (${CURRENT_SCHEMA_VERSION}). Upgrade Honbu.`,
    );
  }
  const from = data.schemaVersion;
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    migrations[v - 1]?.(data);
    data.schemaVersion = v + 1;
  }
  return { data, changed: from !== CURRENT_SCHEMA_VERSION };
}
