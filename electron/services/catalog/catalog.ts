import { mkdir, rm, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { collectEditionSince, collectWorkspace, type Collected, type KnownStories } from './collect';
import { createDb, deleteItem, deleteSource, deleteSourceButStories, insertRows, openDb, setMeta, type Db } from './db';
import { libraryPhotoRow } from './rows';
import { searchDb, type SearchHit, type SearchOptions } from './search';
import { catalogFacets, placementsOf } from './provenance';
import type { ArchiveStatus, ProvenancePlacement } from '../../../shared/contract/find-schemas';

// The workspace's catalogue (资料库索引): <workspace>/.catalog/catalog.db. The files stay the
// source of truth; this is an index over them that can be thrown away at any moment.
// rebuild() writes a new file beside the old and renames it over, so a crash mid-build
// leaves the previous catalogue (or none), never half of one. open() rebuilds a catalogue
// that is missing, unreadable or of an older schema.

export const CATALOG_DIR = '.catalog';

export interface RebuildReport {
  rows: number;
  items: number;
  problems: string[];
  ms: number;
}

export class Catalog {
  private constructor(readonly root: string, private db: Db) {}

  /**
   * Per edition folder, the story files whose rows this catalogue holds as they were read
   * (updateEdition): a save reads again only the stories that changed. Empty after open, so
   * each folder's first update reads it whole, as a rebuild would.
   */
  private known = new Map<string, KnownStories>();

  static file(root: string): string {
    return join(root, CATALOG_DIR, 'catalog.db');
  }

  /** Opens the catalogue, rebuilding it from the files when it is missing or unusable. */
  static async open(root: string, onProgress?: (done: number, total: number) => void): Promise<{ catalog: Catalog; rebuilt: RebuildReport | null }> {
    const db = openDb(Catalog.file(root));
    if (db) return { catalog: new Catalog(root, db), rebuilt: null };
    const rebuilt = await Catalog.rebuild(root, onProgress);
    const fresh = openDb(Catalog.file(root));
    if (!fresh) throw new Error(`${Catalog.file(root)}: the rebuilt catalogue does not open`);
    return { catalog: new Catalog(root, fresh), rebuilt };
  }

  /** Builds the catalogue from the files into a new file and puts it in place. */
  static async rebuild(
    root: string,
    onProgress?: (done: number, total: number) => void,
    // The rows' source: the workspace's files, or a desk server's store (server-collect.ts).
    collect: (root: string, onProgress?: (done: number, total: number) => void) => Promise<Collected> = collectWorkspace,
  ): Promise<RebuildReport> {
    const t0 = performance.now();
    const dir = join(root, CATALOG_DIR);
    await mkdir(dir, { recursive: true });
    const collected = await collect(root, onProgress);
    const tmp = join(dir, `catalog.db.tmp-${process.pid}`);
    await rm(tmp, { force: true });
    const db = createDb(tmp);
    try {
      // A new, private file: nothing to protect until it is renamed into place.
      db.pragma('journal_mode = OFF');
      db.pragma('synchronous = OFF');
      db.transaction(() => {
        insertRows(db, collected.rows, collected.placements);
        setMeta(db, 'builtAt', new Date().toISOString());
      })();
      db.exec("INSERT INTO fts(fts) VALUES ('optimize')");
    } finally {
      db.close();
    }
    const target = Catalog.file(root);
    await rm(`${target}-wal`, { force: true });
    await rm(`${target}-shm`, { force: true });
    await rename(tmp, target);
    const items = new Set(collected.rows.map((r) => r.item)).size;
    return { rows: collected.rows.length, items, problems: collected.problems, ms: performance.now() - t0 };
  }

  /** After an edition folder was saved (edition, page or story): its rows are replaced. */
  async updateEdition(dir: string, folder: string): Promise<{ storiesRead: number; storiesKept: number }> {
    const bySha = this.db.prepare("SELECT ref FROM items WHERE source LIKE 'library:%' AND (sha = ? OR sha0 = ?) LIMIT 1");
    const source = `edition:${folder}`;
    const before = this.known.get(folder);
    // Forgotten first: if anything below fails, the next update reads the folder whole.
    this.known.delete(folder);
    const d = await collectEditionSince(dir, before, (sha) => (bySha.get(sha, sha) as { ref: string } | undefined)?.ref);
    if (!d) {
      // edition.json does not read: the edition is a problem and has no rows, as in a rebuild.
      this.db.transaction(() => deleteSource(this.db, source))();
      return { storiesRead: 0, storiesKept: 0 };
    }
    const kept = before?.key === d.key ? before.sigs : null;
    this.db.transaction(() => {
      if (!kept) deleteSource(this.db, source);
      else {
        deleteSourceButStories(this.db, source);
        // A story saved again, or gone (deleted, or no longer reads): its rows go.
        for (const id of kept.keys()) if (d.stories.get(id)?.rows !== null) deleteItem(this.db, source, `story:${d.editionId}/${id}`);
      }
      insertRows(this.db, d.rows, d.placements);
      for (const s of d.stories.values()) if (s.rows) insertRows(this.db, s.rows, []);
    })();
    const sigs = new Map<string, string | null>();
    let storiesKept = 0;
    for (const [id, s] of d.stories) { sigs.set(id, s.sig); if (!s.rows) storiesKept++; }
    this.known.set(folder, { key: d.key, sigs });
    return { storiesRead: d.stories.size - storiesKept, storiesKept };
  }

  /** After an edition folder was deleted (moved to the trash). */
  removeEdition(folder: string): void {
    this.known.delete(folder);
    this.db.transaction(() => deleteSource(this.db, `edition:${folder}`))();
  }

  /**
   * After a library photo was ingested or its caption, rating or label saved. An edition that
   * holds the same file as a photo of its own is read again: that photo now is this one.
   */
  async updateLibraryPhoto(photo: LibraryPhoto): Promise<void> {
    this.db.transaction(() => {
      deleteSource(this.db, `library:${photo.id}`);
      insertRows(this.db, [libraryPhotoRow(photo)], []);
    })();
    const folders = this.db.prepare("SELECT DISTINCT edition_ref AS f FROM items WHERE kind = 'photo' AND source LIKE 'edition:%' AND sha IN (?, ?)")
      .all(photo.sha256, photo.originalSha256) as { f: string }[];
    for (const { f } of folders) await this.updateEdition(join(this.root, f), f);
  }

  /** Edition folders the catalogue holds rows of. */
  editionFolders(): string[] {
    const rows = this.db.prepare("SELECT DISTINCT source FROM items WHERE source LIKE 'edition:%'").all() as { source: string }[];
    return rows.map((r) => r.source.slice('edition:'.length));
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return searchDb(this.db, query, options);
  }

  /** The pages a photo item (photo:lib:<id>, photo:<edition>/<id>) is placed on, across the workspace. */
  placements(item: string): ProvenancePlacement[] {
    return placementsOf(this.db, item);
  }

  /** The editions and photographers held: the search box's filter choices. */
  facets(): Pick<ArchiveStatus, 'editions' | 'creators'> {
    return catalogFacets(this.db);
  }

  /** Every row as (item, para, lang, text), sorted: lets a test compare two catalogues. */
  dump(): string[] {
    const rows = this.db.prepare('SELECT item, para, lang, text, date, rating, label FROM items ORDER BY item, lang, para').all();
    const pl = this.db.prepare('SELECT item, edition_id, page_id FROM placements ORDER BY item, edition_id, page_id').all();
    return [...rows, ...pl].map((r) => JSON.stringify(r));
  }

  close(): void {
    this.db.close();
  }
}
