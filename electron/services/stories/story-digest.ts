import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/errors';
import type { Story } from '../../../shared/document/schema';
import { countStory, editorText } from '../../../shared/story/story-count';
import { listStoryIds, readStory } from '../edition-store';
import { fileSignatureInside } from '../safe-path';

// What the story list and an import's twin check need of each story, kept per story file
// while its signature (inode, size, times: safe-path.ts) stays the same. Both read every
// story of the edition: with forty long stories (33 MB of JSON) an import spent 0.3–0.4 s
// reading and validating them all, and it grew with every story added. A story saved
// (an atomic rename: a new inode) or edited by hand is read again.

export interface StoryDigest {
  title: string;
  updatedAt: string;
  status: NonNullable<Story['status']>;
  /** 字 as the editor counts them (countStory's Han characters). */
  chars: number;
  /** SHA-256 of each version's text with all white space taken out ('' when it has none). */
  zh: string;
  en: string;
}

/** Same text, white space aside: what an import's twin check compares. */
export const squash = (s: string): string => s.replace(/\s+/g, '');
export const textDigest = (squashed: string): string => (squashed === '' ? '' : createHash('sha256').update(squashed).digest('hex'));

const LIMIT = 5000;
const cache = new Map<string, { sig: string; digest: StoryDigest }>();

function digestOf(story: Story): StoryDigest {
  return {
    title: story.title, updatedAt: story.updatedAt, status: story.status ?? 'draft', chars: countStory(story.zh).han,
    zh: textDigest(squash(editorText(story.zh))), en: textDigest(squash(editorText(story.en))),
  };
}

/** Each story of the edition folder by id, in id order; null for one whose file does not read. */
export async function storyDigests(dir: string): Promise<{ id: string; digest: StoryDigest | null }[]> {
  const out: { id: string; digest: StoryDigest | null }[] = [];
  for (const id of await listStoryIds(dir)) {
    const key = join(dir, 'stories', id);
    // The signature before the read: a save between the two leaves the old signature with
    // the new digest, and the next call reads the file again.
    const sig = await fileSignatureInside(dir, 'stories', `${id}.json`).catch(() => null);
    const hit = sig === null ? undefined : cache.get(key);
    if (hit && hit.sig === sig) { out.push({ id, digest: hit.digest }); continue; }
    try {
      const digest = digestOf(await readStory(dir, id));
      if (sig !== null) {
        cache.delete(key);
        if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
        cache.set(key, { sig, digest });
      }
      out.push({ id, digest });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ id, digest: null });
    }
  }
  return out;
}
