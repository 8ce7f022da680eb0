import type { Db } from './db';
import { parseQuery, WEIGHTS } from './query';
import type { CatalogKind } from './rows';
import { makeSnippet, type Snippet } from './snippet';

// One search over the catalogue: FTS5 finds the rows, bm25 ranks them (column weights in
// query.ts), and rows are folded into the item they belong to, each item ranked by its best
// row (SQLite takes the other columns of a MIN() group from that row: the paragraph shown).
// The ranked rows are MATERIALIZED first: bm25() only works on the FTS5 cursor, not inside
// the aggregate SQLite would otherwise fold it into.

export interface SearchOptions {
  kind?: CatalogKind;
  editionId?: string;
  lang?: 'zh' | 'en';
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  creator?: string;
  ratingMin?: number;
  label?: string;
  /** Photos only. true: on a page of some edition; false: on none. */
  placed?: boolean;
  limit?: number;
}

export interface SearchPlacement {
  editionId: string;
  editionTitle: string;
  pageId: string | null;
  pageName: string | null;
  pageNumber: number | null;
}

export interface SearchHit {
  item: string;
  kind: CatalogKind;
  ref: string;
  title: string;
  editionId: string | null;
  editionTitle: string | null;
  editionRef: string | null;
  /** Paragraph (stories) and language of the best row. */
  para: number;
  lang: 'zh' | 'en' | 'both';
  date: string;
  creator: string;
  rating: number | null;
  label: string | null;
  file: string | null;
  score: number;
  snippet: Snippet;
  placements: SearchPlacement[];
}

interface Row {
  item: string; kind: CatalogKind; ref: string; title: string; edition_id: string | null; edition_title: string | null; edition_ref: string | null;
  para: number; lang: 'zh' | 'en' | 'both'; date: string; creator: string; rating: number | null; label: string | null; file: string | null; text: string; score: number;
}

const PLACED = 'EXISTS (SELECT 1 FROM placements p WHERE p.item = i.item AND p.page_id IS NOT NULL)';

export function searchDb(db: Db, query: string, o: SearchOptions = {}): SearchHit[] {
  const parsed = parseQuery(query);
  if (!parsed) return [];
  const where: string[] = [];
  // Rows that match any term are ranked; only items that match every term (each in some
  // row of theirs) are kept. One term: the two are the same and the filter is skipped.
  const { clauses } = parsed;
  const args: unknown[] = [clauses.length > 1 ? clauses.map((c) => `(${c})`).join(' OR ') : clauses[0]];
  if (clauses.length > 1) {
    where.push(`i.item IN (${clauses.map(() => 'SELECT j.item FROM fts JOIN items j ON j.id = fts.rowid WHERE fts MATCH ?').join(' INTERSECT ')})`);
    args.push(...clauses);
  }
  if (o.kind) { where.push('i.kind = ?'); args.push(o.kind); }
  if (o.editionId) { where.push('(i.edition_id = ? OR EXISTS (SELECT 1 FROM placements p WHERE p.item = i.item AND p.edition_id = ?))'); args.push(o.editionId, o.editionId); }
  if (o.lang) { where.push("i.lang IN (?, 'both')"); args.push(o.lang); }
  if (o.from) { where.push("i.date <> '' AND substr(i.date, 1, 10) >= ?"); args.push(o.from); }
  if (o.to) { where.push("i.date <> '' AND substr(i.date, 1, 10) <= ?"); args.push(o.to); }
  // Part of the name is enough (the box suggests whole names; 王 finds 王芳 and 王强).
  if (o.creator) { where.push('instr(i.creator, ?) > 0'); args.push(o.creator); }
  if (o.ratingMin !== undefined) { where.push('i.rating >= ?'); args.push(o.ratingMin); }
  if (o.label) { where.push('i.label = ?'); args.push(o.label); }
  // Placed (and rating, label) are facts of photos: asking for one leaves only photos.
  if (o.placed !== undefined) where.push("i.kind = 'photo'", o.placed ? PLACED : `NOT ${PLACED}`);
  args.push(Math.min(Math.max(o.limit ?? 50, 1), 500));
  const sql = `WITH m AS MATERIALIZED (SELECT rowid AS id, bm25(fts, ${WEIGHTS.join(', ')}) AS score FROM fts WHERE fts MATCH ?)
    SELECT i.item, i.kind, i.ref, i.title, i.edition_id, i.edition_title, i.edition_ref, i.para, i.lang, i.date, i.creator,
      i.rating, i.label, i.file, i.text, MIN(m.score) AS score
    FROM m JOIN items i ON i.id = m.id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    GROUP BY i.item ORDER BY score, i.date DESC, i.item LIMIT ?`;
  const rows = db.prepare(sql).all(...args) as Row[];
  const placementsOf = db.prepare('SELECT edition_id, edition_title, page_id, page_name, page_number FROM placements WHERE item = ? ORDER BY edition_title, page_number');
  return rows.map((r) => ({
    item: r.item, kind: r.kind, ref: r.ref, title: r.title, editionId: r.edition_id, editionTitle: r.edition_title, editionRef: r.edition_ref,
    para: r.para, lang: r.lang, date: r.date, creator: r.creator, rating: r.rating, label: r.label, file: r.file, score: r.score,
    snippet: makeSnippet(r.text, parsed.marks),
    placements: r.kind === 'photo'
      ? (placementsOf.all(r.item) as { edition_id: string; edition_title: string; page_id: string | null; page_name: string | null; page_number: number | null }[])
        .map((p) => ({ editionId: p.edition_id, editionTitle: p.edition_title, pageId: p.page_id, pageName: p.page_name, pageNumber: p.page_number }))
      : [],
  }));
}
