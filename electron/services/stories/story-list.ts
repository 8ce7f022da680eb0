import type { StorySummary } from '../../../shared/contract/contract';
import { appError } from '../../../shared/contract/messages';
import { newId } from '../../../shared/document/ids';
import type { Story } from '../../../shared/document/schema';
import { editorText } from '../../../shared/story/story-count';
import { importCopy } from '../copy/story-copy';
import { runImportOffThread } from '../copy/import-off-thread';
import { distinctTitle } from './story-manage';
import { readEdition, readPage, writeStory } from '../edition-store';
import { squash, storyDigests, textDigest, type StoryDigest } from './story-digest';

// The story list with what the desk needs to see per story: its 稿件状态, where it is
// placed (第 N 版, from the pages' story frames, never stored, so it cannot go stale) and
// its 字 counted exactly as the editor counts them. Imports check for a twin first.

/** Story id → page numbers (1-based, in edition order) of pages with a frame placing it. */
export async function placements(dir: string): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  const edition = await readEdition(dir);
  for (const [i, pageId] of edition.pages.entries()) {
    // A page that does not parse places nothing here; the composer reports it by name.
    const page = await readPage(dir, pageId).catch(() => null);
    if (!page) continue;
    for (const b of page.blocks) {
      if (b.kind !== 'story' || !b.storyId) continue;
      const list = out.get(b.storyId) ?? [];
      if (!list.includes(i + 1)) list.push(i + 1);
      out.set(b.storyId, list);
    }
  }
  return out;
}

export async function listStories(dir: string): Promise<StorySummary[]> {
  const placed = await placements(dir);
  return (await storyDigests(dir)).map(({ id, digest: d }) => d
    ? { id, title: d.title, updatedAt: d.updatedAt, chars: d.chars, status: d.status, pages: placed.get(id) ?? [] }
    : { id, title: `⚠ ${id}`, updatedAt: '', chars: 0, status: 'draft', pages: placed.get(id) ?? [] });
}

type ImportedCopy = ReturnType<typeof importCopy>;

export type ImportOutcome =
  | { storyId: string; title: string }
  | { twin: { storyId: string; title: string } };

/** The file read into story state, in a worker thread (issue 11): a slow or hostile file cannot stall other calls. */
export function parseImport(fileName: string, bytes: Uint8Array): Promise<ImportedCopy> {
  return runImportOffThread(fileName, bytes, importCopy);
}

export async function importWithTwinCheck(dir: string, fileName: string, bytes: Uint8Array, allowTwin: boolean): Promise<ImportOutcome> {
  return addImported(dir, await parseImport(fileName, bytes), allowTwin);
}

/**
 * Adds parsed copy as a new story, unless a story of the edition already has the same text
 * (whitespace aside) in either language and `allowTwin` is not set: then nothing is written
 * and the twin is named, so the UI can ask before a second copy goes in. The API runs this
 * part alone in the story write queue; the parse stays outside it, so saves never wait on it.
 */
export async function addImported(dir: string, imported: ImportedCopy, allowTwin: boolean): Promise<ImportOutcome> {
  const all = (await storyDigests(dir)).filter((s): s is { id: string; digest: StoryDigest } => s.digest !== null);
  const text = squash(editorText(imported.state));
  // An empty but valid file is said, not added as a 0 字 story (issue 17).
  if (text === '') throw appError('IMPORT_EMPTY', imported.title);
  if (!allowTwin) {
    const digest = textDigest(text);
    const twin = all.find(({ digest: d }) => d.zh === digest || d.en === digest);
    if (twin) return { twin: { storyId: twin.id, title: twin.digest.title } };
  }
  const story: Story = {
    id: newId('story-'),
    title: distinctTitle(imported.title, all.map((s) => s.digest.title)),
    status: 'draft',
    zh: imported.lang === 'zh' ? imported.state : null,
    en: imported.lang === 'en' ? imported.state : null,
    updatedAt: new Date().toISOString(),
  };
  await writeStory(dir, story);
  return { storyId: story.id, title: story.title };
}
