import { parseRegistry, type Agency } from '../core/audit';
import { hasRegistry, putRegistry } from '../store/audit';
import { RegistryMissing } from './errors';
import { readText } from './s3';

/** Where supervisors upload the registry; an upload there replaces the stored one. */
export const REGISTRY_KEY = 'registry/agencies.csv';
export const REGISTRY_PREFIX = 'registry/';

/** Parses the registry CSV at `key` and stores it (throws RegistryError on a bad file, naming the line). */
export async function importRegistry(bucket: string, key = REGISTRY_KEY): Promise<Agency[]> {
  const csv = await readText(bucket, key);
  if (csv === undefined) throw new RegistryMissing(bucket);
  const agencies = parseRegistry(csv);
  await putRegistry(agencies);
  return agencies;
}

/**
 * Makes sure a registry is stored: on first use (nothing stored yet) the one in the bucket is
 * imported. With no registry at all the audit still runs: every agency is audited under what its
 * name says, X3 has nobody to expect.
 */
export async function ensureRegistryStored(bucket: string): Promise<void> {
  if (await hasRegistry()) return;
  if ((await readText(bucket, REGISTRY_KEY)) !== undefined) await importRegistry(bucket);
}
