import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workspace } from './workspace';
import { SAMPLE_EDITION_REF, writeSampleEdition } from './sample';
import { LibraryStore } from './library/store';
import { ingest } from './library/ingest';
import { captionPhoto } from './library/caption';
import { repairAfterCrash } from './startup-repair';
import { backfillDhashes } from './library/similar';

export interface WorkspaceOptions {
  /** Start with an empty workspace (no sample edition, no stand-in photos): `--no-sample`. */
  noSample?: boolean;
}

/** EDITION_DESK_NO_SAMPLE=1 asks for an empty first start, for hosts that take no flags. */
export function noSampleFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['EDITION_DESK_NO_SAMPLE'] === '1';
}

/**
 * First start: a workspace in the user-data folder holding the sample edition, and its
 * stand-in photos in the photo library with their captions written into the files. Later
 * starts leave everything as it is, including a sample the user has edited or deleted.
 * With `noSample` (or EDITION_DESK_NO_SAMPLE=1) the first start leaves the workspace empty.
 */
export async function ensureWorkspace(
  userData: string,
  resourcesDir: string,
  options: WorkspaceOptions = {},
): Promise<{ workspace: Workspace; library: LibraryStore; defaultEdition: string | null }> {
  const noSample = options.noSample ?? noSampleFromEnv();
  const workspace = new Workspace(join(userData, 'workspace'));
  await workspace.init();
  const library = new LibraryStore(workspace.root);
  let refs = await workspace.listEditionRefs();
  const marker = join(userData, '.sample-created');
  const created = await access(marker).then(() => true, () => false);
  if (refs.length === 0 && !created && !noSample) {
    const dir = workspace.pathFor(SAMPLE_EDITION_REF);
    const bundle = await writeSampleEdition(resourcesDir, dir);
    for (const p of bundle.edition.photos) {
      const name = p.asset.file.slice('assets/'.length);
      const r = await ingest(library, workspace.cacheDir, { name, sourcePath: `sample/${name}`, bytes: await readFile(join(dir, p.asset.file)) });
      if (r.status === 'added') await captionPhoto(library, r.photo.id, p.meta);
    }
    await writeFile(marker, new Date().toISOString());
    refs = await workspace.listEditionRefs();
  }
  await repairAfterCrash(workspace.root, workspace.cacheDir, library); // issue 11: temp leftovers, stale library records
  // Near-duplicate hashes for photos ingested before they existed (issue 16), in the
  // background; a library whose records all have one only reads its records.
  void backfillDhashes(library, workspace.cacheDir).catch(() => {});
  return { workspace, library, defaultEdition: refs.includes(SAMPLE_EDITION_REF) ? SAMPLE_EDITION_REF : refs[0] ?? null };
}
