import { readdir, copyFile, mkdir, access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ZodType } from 'zod';
import { Edition, Page, Story } from '../../shared/document/schema';
import { migrateEdition } from '../../shared/document/migrate';
import { liftPages } from '../../shared/layout/page-lift';
import type { EditionBundle } from '../../shared/document/sample-edition';
import { appError } from '../../shared/contract/messages';
import { AppError } from '../../shared/contract/errors';
import { writeJsonAtomic } from './atomic-write';
import { readTextInside } from './safe-path';
import { parsesAs, writeJsonGuarded } from './guarded-write';

// An edition on disk is a folder NAME.edition/ with edition.json, pages/<id>.json,
// stories/<id>.json and assets/. Reads validate everything; a file that does not parse
// is reported with its name and never written over.

async function readJson(dir: string, rel: string[], onBad: (detail: string) => AppError): Promise<unknown> {
  const file = join(dir, ...rel);
  let text: string;
  try {
    // Through safe-path.ts: a page or story file that is a symbolic link is refused.
    text = await readTextInside(dir, ...rel);
  } catch (e) {
    if (e instanceof AppError) throw e.code === 'NOT_FOUND' ? appError('NOT_FOUND', file) : e;
    throw appError('IO_ERROR', `${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw onBad(`${file}: ${(e as Error).message}`);
  }
}

function parseWith<T>(schema: ZodType<T>, value: unknown, file: string, onBad: (d: string) => AppError): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const first = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw onBad(`${file}: ${first}`);
  }
  return r.data;
}

const badEdition = (d: string) => appError('EDITION_MALFORMED', d);
const badStory = (d: string) => appError('STORY_MALFORMED', d);

export async function readEdition(dir: string): Promise<Edition> {
  const file = join(dir, 'edition.json');
  const raw = await readJson(dir, ['edition.json'], badEdition);
  const m = migrateEdition(raw);
  if (m.kind === 'too-new') throw appError('EDITION_TOO_NEW', `${file}: schemaVersion ${m.version}`);
  if (m.kind === 'malformed') throw badEdition(`${file}: ${m.reason}`);
  return parseWith(Edition, m.value, file, badEdition);
}

export async function readPage(dir: string, id: string): Promise<Page> {
  const file = join(dir, 'pages', `${id}.json`);
  return parseWith(Page, await readJson(dir, ['pages', `${id}.json`], badEdition), file, badEdition);
}

/** The edition's pages in its order, numbered by it, threads explicit (shared/layout/page-lift.ts). */
export async function readPages(dir: string, edition: Edition): Promise<Page[]> {
  return liftPages(await Promise.all(edition.pages.map((id) => readPage(dir, id))));
}

export async function readStory(dir: string, id: string): Promise<Story> {
  const file = join(dir, 'stories', `${id}.json`);
  return parseWith(Story, await readJson(dir, ['stories', `${id}.json`], badStory), file, badStory);
}

export async function listStoryIds(dir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dir, 'stories'));
    return names.filter((n) => /^[a-z0-9][a-z0-9-]*\.json$/.test(n)).map((n) => n.slice(0, -5)).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
}

/**
 * Saves a story. If the file on disk exists but cannot be read, it is first kept aside as
 * `<id>.json.broken-<time>` so that whatever it held can still be recovered by hand, and
 * FILE_MALFORMED_KEPT names it (guarded-write.ts, the one path for every file kind).
 */
export async function writeStory(dir: string, story: Story): Promise<void> {
  await writeJsonGuarded(join(dir, 'stories', `${story.id}.json`), story, parsesAs(Story));
}

/** edition.json is good when it migrates and validates, as readEdition() reads it. */
const editionParses = (text: string): boolean => {
  try {
    const m = migrateEdition(JSON.parse(text));
    // A file from a newer desk is not broken: it is never kept aside (writes refuse it earlier).
    return m.kind === 'too-new' || (m.kind !== 'malformed' && Edition.safeParse(m.value).success);
  } catch {
    return false;
  }
};

/** Saves edition.json through the never-write-over-a-broken-file path. */
export async function writeEditionFile(dir: string, edition: Edition): Promise<void> {
  await writeJsonGuarded(join(dir, 'edition.json'), edition, editionParses);
}

/** Writes a whole new edition folder; refuses to write into one that already exists. */
export async function writeNewEdition(dir: string, bundle: EditionBundle, assets: { from: string; name: string }[]): Promise<void> {
  const exists = await access(join(dir, 'edition.json')).then(() => true, () => false);
  if (exists) throw appError('ALREADY_EXISTS', dir);
  await mkdir(join(dir, 'assets'), { recursive: true });
  for (const a of assets) await copyFile(a.from, join(dir, 'assets', a.name));
  for (const p of bundle.pages) await writeJsonAtomic(join(dir, 'pages', `${p.id}.json`), p);
  for (const s of bundle.stories) await writeJsonAtomic(join(dir, 'stories', `${s.id}.json`), s);
  // edition.json last: a folder without it is an unfinished write, not an edition.
  await writeJsonAtomic(join(dir, 'edition.json'), bundle.edition);
}
