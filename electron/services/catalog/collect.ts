import { access } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { Story } from '../../../shared/document/schema';
import { listStoryIds, readEdition, readPages, readStory } from '../edition-store';
import { LibraryStore } from '../library/store';
import { Workspace } from '../workspace';
import { fileSignatureInside } from '../safe-path';
import { editionRows, libraryPhotoRow, storyRows, storyRowsKey, type CatalogRow, type LibraryIdBySha, type Placement } from './rows';

// Reads the workspace's files through the same validating readers the desk uses and turns
// them into catalogue rows. A file that does not read is listed in `problems` and left out:
// the catalogue never holds what the desk itself would refuse to open.

export interface Collected {
  rows: CatalogRow[];
  placements: Placement[];
  problems: string[];
}

/** The rows of one edition folder (absolute `dir`), or a problem when edition.json does not read. */
export async function collectEdition(dir: string, libraryIdBySha?: LibraryIdBySha): Promise<Collected> {
  const folder = basename(dir);
  const problems: string[] = [];
  try {
    const edition = await readEdition(dir);
    const pages = await readPages(dir, edition).catch((e: Error) => { problems.push(`${folder}: ${e.message}`); return []; });
    const stories: Story[] = [];
    for (const id of await listStoryIds(dir)) {
      try { stories.push(await readStory(dir, id)); } catch (e) { problems.push(`${folder}/stories/${id}.json: ${(e as Error).message}`); }
    }
    return { ...editionRows(folder, edition, pages, stories, libraryIdBySha), problems };
  } catch (e) {
    // Only a file that does not read makes an edition a problem; a bug here must surface.
    if (!(e instanceof AppError)) throw e;
    return { rows: [], placements: [], problems: [`${folder}: ${e.message}`] };
  }
}

/** What the catalogue holds of an edition folder's stories: the edition fields their rows carry, and each story file's signature (null: re-read every time). */
export interface KnownStories {
  key: string;
  sigs: Map<string, string | null>;
}

export interface EditionDelta {
  /** storyRowsKey of the edition as read now, and its id (a story's item is story:<id>/<story>). */
  key: string;
  editionId: string;
  /** The edition's own rows, its pages' and its own photos' (always made again: they are small), and where photos are placed. */
  rows: CatalogRow[];
  placements: Placement[];
  /** Each story that reads, by id: its file signature, and its rows, or null where `known` has them already (the same file). */
  stories: Map<string, { sig: string | null; rows: CatalogRow[] | null }>;
  problems: string[];
}

/**
 * collectEdition after a save, reading again only the story files that changed since
 * `known` (a story file's signature, fileSignatureInside): an edition of forty long stories
 * was ~2 s of CPU a save (33 MB read and decoded, every paragraph segmented again), each
 * autosave of one story. Null when edition.json does not read (the edition is a problem).
 */
export async function collectEditionSince(dir: string, known: KnownStories | undefined, libraryIdBySha?: LibraryIdBySha): Promise<EditionDelta | null> {
  const folder = basename(dir);
  const problems: string[] = [];
  let edition;
  try {
    edition = await readEdition(dir);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return null;
  }
  const pages = await readPages(dir, edition).catch((e: Error) => { problems.push(`${folder}: ${e.message}`); return []; });
  const key = storyRowsKey(folder, edition);
  const reuse = known?.key === key ? known.sigs : undefined;
  const stories: EditionDelta['stories'] = new Map();
  for (const id of await listStoryIds(dir)) {
    // The signature before the read: a save between the two leaves an old signature with
    // the new rows, and the next update reads the file again.
    const sig = await fileSignatureInside(dir, 'stories', `${id}.json`).catch(() => null);
    if (sig !== null && reuse?.get(id) === sig) { stories.set(id, { sig, rows: null }); continue; }
    try {
      stories.set(id, { sig, rows: storyRows(folder, edition, await readStory(dir, id)) });
    } catch (e) {
      problems.push(`${folder}/stories/${id}.json: ${(e as Error).message}`);
    }
  }
  return { key, editionId: edition.id, ...editionRows(folder, edition, pages, [], libraryIdBySha), stories, problems };
}

/** Every edition in the workspace and every photo in its library. */
export async function collectWorkspace(root: string, onProgress?: (done: number, total: number) => void): Promise<Collected> {
  const ws = new Workspace(root);
  const refs = await ws.listEditionRefs();
  const out: Collected = { rows: [], placements: [], problems: [] };
  // LibraryStore makes its folders on first read: a workspace without a library stays as it is.
  const bySha = new Map<string, string>();
  if (await access(join(root, 'library', 'records')).then(() => true, () => false)) {
    const library = new LibraryStore(root);
    for (const p of await library.all()) {
      out.rows.push(libraryPhotoRow(p));
      bySha.set(p.originalSha256, p.id);
      bySha.set(p.sha256, p.id);
    }
    out.problems.push(...library.problems.map((p) => `library/records/${p}`));
  }
  let done = 0;
  for (const ref of refs) {
    const c = await collectEdition(await ws.resolveEdition(ref), (sha) => bySha.get(sha));
    out.rows.push(...c.rows);
    out.placements.push(...c.placements);
    out.problems.push(...c.problems);
    onProgress?.(++done, refs.length);
  }
  return out;
}
