import { access, copyFile, mkdir, realpath } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { newId } from '../../../shared/document/ids';
import type { Photo, Story } from '../../../shared/document/schema';
import { appError } from '../../../shared/contract/messages';
import { readEdition, readStory, writeStory } from '../edition-store';
import { writeJsonAtomic } from '../atomic-write';
import { resolveInside } from '../safe-path';
import { isInside } from '../workspace';
import { distinctTitle, storyTitles } from '../stories/story-manage';

// 复制到本期 / 置入当前版面 from the archive (issue 16): a story or an edition's own photo
// found in another edition is copied into the current one. The copy is the current
// edition's own (editing it never touches the source), and a story remembers where it came
// from (Story.origin), shown in its info and kept in its file.

/** A story of `fromDir` as a new story of `dir`: both language versions, a distinct title, 草稿. */
export async function copyStoryFrom(dir: string, fromDir: string, storyId: string, now = new Date()): Promise<Story> {
  const [source, from] = await Promise.all([readStory(fromDir, storyId), readEdition(fromDir)]);
  await readEdition(dir);
  const copy: Story = {
    id: newId('story-'),
    title: distinctTitle(source.title, await storyTitles(dir)),
    status: 'draft',
    zh: source.zh,
    en: source.en,
    origin: {
      editionId: from.id, editionTitle: from.title, editionRef: basename(fromDir), issueDate: from.issueDate,
      storyId: source.id, storyTitle: source.title, copiedAt: now.toISOString(),
    },
    updatedAt: now.toISOString(),
  };
  await writeStory(dir, copy);
  return copy;
}

/**
 * An edition's own photo (one not from the library) copied into `dir`'s assets with its
 * caption: the file is copied byte for byte (its caption is inside it), and edition.json
 * lists it. The same file already there (by content) is reused. Callers hold the queue that
 * serialises edition.json writes.
 */
export async function copyEditionPhotoFrom(dir: string, fromDir: string, photoId: string): Promise<{ photo: Photo; reused: boolean }> {
  const [from, edition] = await Promise.all([readEdition(fromDir), readEdition(dir)]);
  const source = from.photos.find((p) => p.id === photoId);
  if (!source) throw appError('NOT_FOUND', `${basename(fromDir)}: ${photoId}`);
  const existing = edition.photos.find((p) => p.asset.sha256 === source.asset.sha256);
  if (existing) return { photo: existing, reused: true };
  const name = source.asset.file.slice('assets/'.length);
  const src = await resolveInside(fromDir, 'assets', name);
  const assets = join(dir, 'assets');
  await mkdir(assets, { recursive: true });
  const real = await realpath(assets);
  if (!isInside(dir, real)) throw appError('PATH_OUTSIDE_WORKSPACE', 'assets');
  const taken = new Set(edition.photos.map((p) => p.asset.file.slice('assets/'.length).toLowerCase()));
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let target = name;
  for (let n = 2; taken.has(target.toLowerCase()) || await access(join(real, target)).then(() => true, () => false); n++) target = `${stem}-${n}${ext}`;
  // Asset first, edition.json last: a crash between leaves an unlisted file, never a listed photo without one.
  await copyFile(src, join(real, target));
  let id = source.id;
  for (let n = 2; edition.photos.some((p) => p.id === id); n++) id = `${source.id}-${n}`;
  const photo: Photo = { ...source, id, asset: { ...source.asset, file: `assets/${target}` } };
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, photos: [...edition.photos, photo] });
  return { photo, reused: false };
}
