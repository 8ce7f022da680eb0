import { join } from 'node:path';
import { proofEdition, type Finding, type HouseTerm } from '../../../shared/proof';
import { ProofIgnoreKeys } from '../../../shared/contract/proof-schemas';
import { writeJsonGuarded } from '../guarded-write';
import { readTextInside } from '../safe-path';
import type { AppError } from '../../../shared/contract/errors';
import { listStoryIds, readEdition, readPages, readStory } from '../edition-store';
import { storyDocuments } from '../../../shared/proof/edition';
import { houseStyleOf } from '../../../shared/document/house-style';
import { withSpeller } from './proof-files';

// Proofreading behind the proof:* channels: the ignores an edition remembers
// (<edition>/proof-ignores.json, written atomically) and a whole-edition run.

export const IGNORES_FILE = 'proof-ignores.json';

export async function readIgnores(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readTextInside(dir, IGNORES_FILE);
  } catch (e) {
    if ((e as AppError).code === 'NOT_FOUND') return [];
    throw e;
  }
  // A hand-damaged file loses its ignores, not the edition: findings simply show again.
  try {
    const parsed = ProofIgnoreKeys.safeParse((JSON.parse(text) as { ignores?: unknown }).ignores);
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const ignoresParse = (text: string): boolean => {
  try {
    return ProofIgnoreKeys.safeParse((JSON.parse(text) as { ignores?: unknown } | null)?.ignores).success;
  } catch {
    return false;
  }
};

export async function writeIgnores(dir: string, keys: readonly string[]): Promise<void> {
  await writeJsonGuarded(join(dir, IGNORES_FILE), { version: 1, ignores: [...new Set(keys)].sort() }, ignoresParse);
}

export async function proofEditionFolder(dir: string, terms: readonly HouseTerm[]): Promise<Finding[]> {
  const edition = await readEdition(dir);
  const pages = await readPages(dir, edition);
  const stories = await Promise.all((await listStoryIds(dir)).map((id) => readStory(dir, id)));
  const flagStackedMarks = houseStyleOf(edition).flagStackedMarks !== false;
  // The edition's own 错别字 setting (house style, issue 14).
  const typoLevel = edition.houseStyle?.typoCheck ?? 'normal';
  return proofEdition({ edition, pages, stories }, await withSpeller(storyDocuments(stories), { terms, flagStackedMarks, typoLevel }));
}
