import { access } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import type { Page, Story } from '../../../shared/document/schema';
import { editionFromDocs, readStoriesDoc } from '../../../shared/collab/edition-y';
import { readPage } from '../../../shared/collab/page-y';
import { liftPages } from '../../../shared/layout/page-lift';
import { appError } from '../../../shared/contract/messages';
import { readStoryDoc } from '../collab/story-yjs';
import type { Collected } from './collect';
import { editionRows } from './rows';

// The desk server's store as catalogue rows (issue 16, item 1: "and over the desk server's
// store when one is used"): every edition published to the server (desk.db's editions table),
// read from the shared documents in docs.db (edition/…, photos/…, page/…, stories/…,
// story/…/zh|en) exactly as a desk opening it would see them. The store is opened read-only,
// so a running server (SQLite in WAL mode) goes on writing meanwhile. A PostgreSQL store is
// not read here (left to do); its server keeps desk.db the same way.

interface DocRow { data: Buffer }

export async function collectServer(dataDir: string, onProgress?: (done: number, total: number) => void): Promise<Collected> {
  for (const f of ['desk.db', 'docs.db']) {
    if (!(await access(join(dataDir, f)).then(() => true, () => false))) throw appError('NOT_FOUND', `${join(dataDir, f)}: not a desk server's data folder`);
  }
  const desk = new Database(join(dataDir, 'desk.db'), { readonly: true, fileMustExist: true });
  const editions = desk.prepare('SELECT id, title FROM editions ORDER BY published_at').all() as { id: string; title: string }[];
  desk.close();
  const docs = new Database(join(dataDir, 'docs.db'), { readonly: true, fileMustExist: true });
  const out: Collected = { rows: [], placements: [], problems: [] };
  try {
    const names = new Set((docs.prepare('SELECT DISTINCT name FROM doc_updates').all() as { name: string }[]).map((r) => r.name));
    const select = docs.prepare('SELECT data FROM doc_updates WHERE name = ? ORDER BY seq');
    const load = (name: string): Y.Doc => {
      const doc = new Y.Doc();
      const updates = (select.all(name) as DocRow[]).map((r) => new Uint8Array(r.data));
      if (updates.length) Y.applyUpdate(doc, Y.mergeUpdates(updates));
      return doc;
    };
    let done = 0;
    for (const { id, title } of editions) {
      const edition = editionFromDocs(load(`edition/${id}`), load(`photos/${id}`));
      if (!edition) { out.problems.push(`server edition ${id} (${title}): its edition document is empty or unreadable`); continue; }
      const pages: Page[] = [];
      for (const pageId of edition.pages) {
        const page = names.has(`page/${id}/${pageId}`) ? readPage(load(`page/${id}/${pageId}`)) : null;
        if (page) pages.push(page);
        else out.problems.push(`server page ${id}/${pageId}: missing or unreadable`);
      }
      const stories: Story[] = readStoriesDoc(load(`stories/${id}`)).map((m) => ({
        id: m.id, title: m.title, updatedAt: m.updatedAt, ...(m.status ? { status: m.status } : {}),
        zh: names.has(`story/${id}/${m.id}/zh`) ? readStoryDoc(load(`story/${id}/${m.id}/zh`)) : null,
        en: names.has(`story/${id}/${m.id}/en`) ? readStoryDoc(load(`story/${id}/${m.id}/en`)) : null,
      }));
      // The folder name a result shows: the server's edition, apart from any desk's folder.
      const c = editionRows(`server/${id}`, edition, liftPages(pages), stories);
      out.rows.push(...c.rows);
      out.placements.push(...c.placements);
      onProgress?.(++done, editions.length);
    }
  } finally {
    docs.close();
  }
  return out;
}
