import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Workspace } from './workspace';
import { SAMPLE_EDITION_REF, writeSampleEdition } from './sample';

/**
 * First start: a workspace in the user-data folder holding the sample edition. Later
 * starts leave everything as it is, including a sample the user has edited or deleted.
 */
export async function ensureWorkspace(userData: string, resourcesDir: string): Promise<{ workspace: Workspace; defaultEdition: string | null }> {
  const workspace = new Workspace(join(userData, 'workspace'));
  await workspace.init();
  let refs = await workspace.listEditionRefs();
  const marker = join(userData, '.sample-created');
  const created = await access(marker).then(() => true, () => false);
  if (refs.length === 0 && !created) {
    await writeSampleEdition(resourcesDir, workspace.pathFor(SAMPLE_EDITION_REF));
    await writeFile(marker, new Date().toISOString());
    refs = await workspace.listEditionRefs();
  }
  return { workspace, defaultEdition: refs.includes(SAMPLE_EDITION_REF) ? SAMPLE_EDITION_REF : refs[0] ?? null };
}
