import { readFileSync, renameSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ZodType } from 'zod';
import { AppError } from '../../shared/contract/errors';
import { writeJsonAtomic } from './atomic-write';

// "A file that does not parse is never written over", for every kind of file the desk
// writes (pages, edition.json, settings, proof ignores, library records, stories), through
// this one path (issue 11, item 3): before a write, the file on disk is read; when it
// exists and does not parse, it is renamed, bytes untouched, to `<name>.broken-<time>`
// beside itself, and only then is the new content written. The user is told which file
// was damaged and where its bytes are, so whatever it held can be recovered by hand.

/** Whether a file's text is a good instance of its kind. */
export type Parses = (text: string) => boolean;

export function parsesAs(schema: ZodType): Parses {
  return (text) => {
    try {
      return schema.safeParse(JSON.parse(text)).success;
    } catch {
      return false;
    }
  };
}

export const parsesAsJson: Parses = (text) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

function asideName(file: string): string {
  return `${file}.broken-${Date.now()}`;
}

/** Moves a file that exists and does not parse out of the way; its new path, or null. */
export async function keepAsideIfBroken(file: string, parses: Parses): Promise<string | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (parses(text)) return null;
  const aside = asideName(file);
  await rename(file, aside);
  return aside;
}

/** The same, at start-up, for stores whose library reads synchronously (settings). */
export function keepAsideIfBrokenSync(file: string, parses: Parses): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (parses(text)) return null;
  const aside = asideName(file);
  renameSync(file, aside);
  return aside;
}

/** The error that tells the user: the new content is saved, the damaged file is kept as NAME. */
export function keptAsideError(file: string, aside: string): AppError {
  const was = basename(file);
  const now = basename(aside);
  return new AppError('FILE_MALFORMED_KEPT', {
    'zh-CN': `磁盘上的 ${was} 已损坏，无法读取；原文件已原样另存为 ${now}，新内容已保存。`,
    en: `${was} on disk was damaged and could not be read; it was kept as ${now} and the new content was saved.`,
  }, `${file} → ${aside}`);
}

/**
 * Writes `value` as JSON, atomically. When the file on disk does not parse, it is kept
 * aside first and, after the write, FILE_MALFORMED_KEPT names it (the new content IS saved:
 * a retry is harmless). `quiet` skips the error for kinds whose callers report it
 * themselves (stories keep their STORY_MALFORMED reading).
 */
export async function writeJsonGuarded(file: string, value: unknown, parses: Parses, opts: { quiet?: boolean } = {}): Promise<void> {
  const aside = await keepAsideIfBroken(file, parses);
  await writeJsonAtomic(file, value);
  if (aside && !opts.quiet) throw keptAsideError(file, aside);
}
