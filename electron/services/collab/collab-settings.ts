import { readFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Fingerprint } from '../../../shared/contract/collab-schemas';
import { RoleSchema, UserName } from '../../../shared/collab/protocol';
import { writeFileAtomic } from '../atomic-write';

// This desk's server settings: address, user, pinned certificate and session token. They
// live in main's user-data folder, never in the renderer (it only ever sees url, user,
// role and fingerprint through collab:status), in a file only this OS user may read.

export const COLLAB_SETTINGS_FILE = 'collab-server.json';

export const CollabSettings = z.object({
  url: z.string(),
  user: UserName,
  role: RoleSchema,
  fingerprint: Fingerprint,
  /** The pinned chain as PEM (leaf first). */
  pem: z.string().min(1),
  /** Session token; null after a logout or an expired session (the pin stays). */
  token: z.string().nullable(),
});
export type CollabSettings = z.infer<typeof CollabSettings>;

/** Pins survive a logout: a later connect to the same address must present the same certificate. */
export const PinsFile = z.record(z.string(), z.object({ fingerprint: Fingerprint, pem: z.string() }));

export interface CollabSettingsFile {
  server: CollabSettings | null;
  pins: z.infer<typeof PinsFile>;
}

const FileSchema = z.object({ server: CollabSettings.nullable(), pins: PinsFile });

export async function readCollabSettings(userData: string): Promise<CollabSettingsFile> {
  let text: string;
  try {
    text = await readFile(join(userData, COLLAB_SETTINGS_FILE), 'utf8');
  } catch {
    return { server: null, pins: {} };
  }
  try {
    const parsed = FileSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  // A file that does not parse is never written over: the desk starts solo and the file
  // is kept aside under its own name for whoever wants to look at it.
  throw Object.assign(new Error(`${COLLAB_SETTINGS_FILE} does not parse`), { code: 'COLLAB_SETTINGS_MALFORMED' });
}

export async function writeCollabSettings(userData: string, value: CollabSettingsFile): Promise<void> {
  const file = join(userData, COLLAB_SETTINGS_FILE);
  await writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n', 0o600);
  // Also for a file an older build wrote with wider rights.
  if (process.platform !== 'win32') await chmod(file, 0o600);
}

/** The pin key and folder name for a server: its origin, lower-cased. */
export function serverKey(url: string): string {
  return new URL(url).origin.toLowerCase();
}

/**
 * Folder under userData/collab for a server's documents: one per origin, certificate and
 * user. Per user, so that changes one user made offline are only ever sent under that
 * user's session: a colleague who signs in at the same desk starts from the server's copy,
 * and the first user's pending changes wait on disk until the first user signs in again.
 */
export function serverFolder(url: string, fingerprint: string, user: string): string {
  return createHash('sha256').update(`${serverKey(url)}\n${fingerprint}\n${user}`).digest('hex').slice(0, 16);
}

/** The folder builds before per-user copies used (origin and certificate only). */
export function legacyServerFolder(url: string, fingerprint: string): string {
  return createHash('sha256').update(`${serverKey(url)}\n${fingerprint}`).digest('hex').slice(0, 16);
}
