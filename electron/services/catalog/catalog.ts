import { mkdir, rm, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { collectEdition, collectWorkspace, type Collected } from './collect';
import { createDb, deleteSource, insertRows, openDb, setMeta, type Db } from './db';
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
  async updateEdition(dir: string, folder: string): Promise<void> {
    const bySha = this.db.prepare("SELECT ref FROM items WHERE source LIKE 'library:%' AND (sha = ? OR sha0 = ?) LIMIT 1");
    const c = await collectEdition(dir, (sha) => (bySha.get(sha, sha) as { ref: string } | undefined)?.ref);
    this.db.transaction(() => {
      deleteSource(this.db, `edition:${folder}`);
      insertRows(this.db, c.rows, c.placements);
    })();
  }

  /** After an edition folder was deleted (moved to the trash). */
  removeEdition(folder: string): void {
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
