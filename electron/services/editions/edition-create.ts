import { rename, rm, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { newId } from '../../../shared/document/ids';
import { PAGE_PRESETS, SCHEMA_VERSION, type Block, type Edition, type Page } from '../../../shared/document/schema';
import { pageFromTemplate, TEMPLATES } from '../../../shared/layout/templates';
import type { NewEditionInput } from '../../../shared/contract/edition-schemas';
import type { EditionBundle } from '../../../shared/document/sample-edition';
import { appError } from '../../../shared/contract/messages';
import { readEdition, readPages, writeNewEdition } from '../edition-store';
import { uniqueEditionFolder } from './folder-name';

// New editions: from templates (title, date, size, one template per page), or from an
// existing edition whose pages and styles are kept while its copy and photos are not.
// Either way the folder is written under a hidden staging name and renamed into place
// when complete, so the edition list never shows half an edition.

/** Writes `bundle` as a new edition folder in the workspace; returns its ref. */
export async function writeEditionFolder(root: string, bundle: EditionBundle): Promise<string> {
  const rootReal = await realpath(root);
  const staging = join(rootReal, `.staging-${randomBytes(6).toString('hex')}`);
  try {
    await writeNewEdition(staging, bundle, []);
    const name = await uniqueEditionFolder(rootReal, bundle.edition.title);
    await rename(staging, join(rootReal, name));
    return name;
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/** The edition, pages and (no) stories of a new edition made from templates. */
export function bundleFromTemplates(input: NewEditionInput): EditionBundle {
  const size = PAGE_PRESETS[input.size];
  const pages: Page[] = input.pages.map((tid, i) => {
    const t = TEMPLATES.find((x) => x.id === tid);
    if (!t) throw appError('NOT_FOUND', `template ${tid}`);
    return pageFromTemplate(t, size, `page-${i + 1}`, t.name.zh, i + 1);
  });
  const edition: Edition = {
    schemaVersion: SCHEMA_VERSION,
    id: newId('ed-'),
    title: input.title,
    paper: '',
    paperEn: '',
    issueDate: input.issueDate,
    pageSize: size,
    pages: pages.map((p) => p.id),
    photos: [],
  };
  return { edition, pages, stories: [] };
}

/** A story or photo frame emptied: it keeps its place, size and settings, not its content. */
function emptied(b: Block): Block {
  if (b.kind === 'story') {
    const { storyId: _s, thread: _t, threadPos: _p, ...rest } = b;
    return rest;
  }
  // A kicker/headline/deck set 来自稿件 keeps the switch (the next story placed fills it) but
  // not the story it pointed at, which the new edition does not have.
  if (b.storyId) {
    const { storyId: _s, ...rest } = b;
    return rest;
  }
  if (b.kind === 'photo') {
    const { photoId: _p, focus: _f, zoom: _z, ...rest } = b;
    return rest;
  }
  return b;
}

/**
 * "New from an existing edition": its page size, pages (grid, blocks and their text and
 * styles) in order, with every story frame and photo frame emptied, no stories and no
 * photos. The source must be readable: a broken page stops the copy rather than losing it.
 */
export async function bundleFromExisting(sourceDir: string, title: string, issueDate: string): Promise<EditionBundle> {
  const source = await readEdition(sourceDir);
  const pages = (await readPages(sourceDir, source)).map((p) => ({ ...p, blocks: p.blocks.map(emptied) }));
  const edition: Edition = { ...source, id: newId('ed-'), title, issueDate, photos: [] };
  return { edition, pages, stories: [] };
}
