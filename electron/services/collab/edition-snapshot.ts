import type { Edition, Page, Story } from '../../../shared/document/schema';
import { listStoryIds, readEdition, readPage, readStory } from '../edition-store';

// What an edition folder holds, as the mirror compares it before and after a local change
// (the prev/next of edition-y.ts and page-y.ts). Files that do not parse are left out:
// they are neither pushed to the shared documents nor taken as deleted.

export interface EditionSnapshot {
  edition: Edition;
  pages: Map<string, Page>;
  stories: Map<string, Story>;
}

/**
 * `strict` (publishing): a file that does not parse stops it with that file's error instead.
 * `storyOnly`: just edition.json and that story (a story save: nothing else can change).
 */
export async function snapshotEdition(dir: string, opts: { strict?: boolean; storyOnly?: string } = {}): Promise<EditionSnapshot> {
  const lenient = <T>(p: Promise<T>): Promise<T | null> => (opts.strict ? p : p.catch(() => null));
  const edition = await readEdition(dir);
  const pages = new Map<string, Page>();
  for (const id of opts.storyOnly ? [] : edition.pages) {
    const page = await lenient(readPage(dir, id));
    if (page) pages.set(id, page);
  }
  const stories = new Map<string, Story>();
  for (const id of opts.storyOnly ? [opts.storyOnly] : await listStoryIds(dir)) {
    const story = await lenient(readStory(dir, id));
    if (story) stories.set(id, story);
  }
  return { edition, pages, stories };
}
