import { realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { newId } from '../../../shared/document/ids';
import { paragraph, rootState } from '../../../shared/document/lexical-state';
import type { Story, StoryStatus } from '../../../shared/document/schema';
import { listStoryIds, readStory, writeStory } from '../edition-store';
import { AppError } from '../../../shared/contract/errors';
import { moveToTrash, type TrashEntry } from '../trash';

// Stories made and managed from the story list: a new empty story, rename, duplicate,
// status, and delete into the workspace trash (restorable byte for byte).

export async function createStory(dir: string, title: string): Promise<Story> {
  const story: Story = {
    id: newId('story-'),
    title,
    status: 'draft',
    // One empty paragraph: the Chinese version exists and the editor opens ready to type.
    zh: rootState([paragraph([])]),
    en: null,
    updatedAt: new Date().toISOString(),
  };
  await writeStory(dir, story);
  return story;
}

export async function updateStory(dir: string, storyId: string, patch: { title?: string; status?: StoryStatus }): Promise<Story> {
  const story = await readStory(dir, storyId);
  const next = { ...story, ...patch, updatedAt: new Date().toISOString() };
  await writeStory(dir, next);
  return next;
}

/** `title`, or `title（2）`, `title（3）`… when a story of the edition already has it. */
export function distinctTitle(title: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(title)) return title;
  for (let n = 2; ; n++) if (!set.has(`${title}（${n}）`)) return `${title}（${n}）`;
}

/** Titles of the edition's readable stories. */
export async function storyTitles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const id of await listStoryIds(dir)) {
    const s = await readStory(dir, id).catch(() => null);
    if (s) out.push(s.title);
  }
  return out;
}

/** A copy to work on apart (another version, a shortened cut): a new id, "（副本）", back to 草稿. */
export async function duplicateStory(dir: string, storyId: string): Promise<Story> {
  const story = await readStory(dir, storyId);
  const title = distinctTitle(`${story.title}（副本）`, await storyTitles(dir));
  const copy: Story = { ...story, id: newId('story-'), title, status: 'draft', updatedAt: new Date().toISOString() };
  await writeStory(dir, copy);
  return copy;
}

/**
 * Moves stories/<id>.json into the trash. Frames that place it keep their storyId, so a
 * restore puts the copy back on the page as it was.
 */
export async function deleteStory(root: string, dir: string, storyId: string): Promise<TrashEntry> {
  // A story that does not parse can still be thrown away; one that is not there cannot.
  const story = await readStory(dir, storyId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'STORY_MALFORMED') return null;
    throw e;
  });
  const rootReal = await realpath(root);
  const edition = relative(rootReal, dir).split(sep).join('/');
  return moveToTrash(rootReal, join(dir, 'stories', `${storyId}.json`), { kind: 'story', title: story?.title ?? storyId, edition });
}
