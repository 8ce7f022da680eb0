import type { ArchiveStatus, ProvenancePlacement } from '../../../shared/contract/find-schemas';
import type { Db } from './db';

// Where a photo appeared (issue 16, provenance): every page of every edition that places it,
// newest issue first, with the edition's folder so the desk can open it.

export function placementsOf(db: Db, item: string): ProvenancePlacement[] {
  const rows = db.prepare(`SELECT p.edition_id, p.edition_title, p.page_id, p.page_name, p.page_number, e.edition_ref, e.date
    FROM placements p LEFT JOIN items e ON e.kind = 'edition' AND e.edition_id = p.edition_id
    WHERE p.item = ? ORDER BY e.date DESC, p.edition_title, p.page_number`).all(item) as {
    edition_id: string; edition_title: string; page_id: string | null; page_name: string | null; page_number: number | null; edition_ref: string | null; date: string | null;
  }[];
  return rows.map((r) => ({
    editionId: r.edition_id, editionTitle: r.edition_title, editionRef: r.edition_ref, issueDate: r.date ?? '',
    pageId: r.page_id, pageName: r.page_name, pageNumber: r.page_number,
  }));
}

/** What the search box offers as filters: the editions and photographers the catalogue holds. */
export function catalogFacets(db: Db): Pick<ArchiveStatus, 'editions' | 'creators'> {
  const editions = db.prepare("SELECT edition_id AS id, title, edition_ref AS ref, date AS issueDate FROM items WHERE kind = 'edition' ORDER BY date DESC, title")
    .all() as ArchiveStatus['editions'];
  const creators = (db.prepare("SELECT DISTINCT creator FROM items WHERE kind = 'photo' AND creator <> '' ORDER BY creator LIMIT 500").all() as { creator: string }[])
    .map((r) => r.creator);
  return { editions, creators };
}
