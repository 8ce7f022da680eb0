import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Id } from '../../../shared/document/ids';
import { writeJsonAtomic } from '../atomic-write';

// A local edition folder that is this desk's copy of a server edition carries shared.json:
// which server and which edition there. Everything else in the folder is the ordinary
// edition format, so exports, the CLI and handoff read it as they read any edition.

export const SHARED_FILE = 'shared.json';
export const SharedMarker = z.object({ server: z.string(), remoteId: Id, since: z.string() });
export type SharedMarker = z.infer<typeof SharedMarker>;

export async function readSharedMarker(editionDir: string): Promise<SharedMarker | null> {
  let text: string;
  try {
    text = await readFile(join(editionDir, SHARED_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = SharedMarker.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeSharedMarker(editionDir: string, marker: SharedMarker): Promise<void> {
  await writeJsonAtomic(join(editionDir, SHARED_FILE), marker);
}
