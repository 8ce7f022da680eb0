import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Catalog } from './catalog';
import type { SearchHit, SearchOptions } from './search';
import { collectServer } from './server-collect';

// The desk server's own search (GET /api/search): the catalogue of its store, kept in
// DATA/.catalog/catalog.db and built again when the store has changed since the last build
// (the newest row of docs.db's update log, or the published editions, differ). One build
// or search at a time. A county centre's server holds tens of editions: a rebuild is a
// fraction of a second, cheaper than keeping incremental hooks in the socket path.

interface Mark { seq: number; editions: number }

export class ServerSearch {
  private built: Mark | null = null;
  private catalog: Catalog | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  private mark(): Mark {
    const docs = new Database(join(this.dataDir, 'docs.db'), { readonly: true, fileMustExist: true });
    const desk = new Database(join(this.dataDir, 'desk.db'), { readonly: true, fileMustExist: true });
    try {
      const seq = (docs.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM doc_updates').get() as { s: number }).s;
      const editions = (desk.prepare('SELECT COUNT(*) AS n FROM editions').get() as { n: number }).n;
      return { seq, editions };
    } finally {
      docs.close();
      desk.close();
    }
  }

  search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const run = this.queue.then(async () => {
      const now = this.mark();
      if (!this.catalog || !this.built || now.seq !== this.built.seq || now.editions !== this.built.editions) {
        this.catalog?.close();
        this.catalog = null;
        await Catalog.rebuild(this.dataDir, undefined, collectServer);
        this.catalog = (await Catalog.open(this.dataDir)).catalog;
        this.built = now;
      }
      return this.catalog.search(query, options);
    });
    this.queue = run.catch(() => {});
    return run;
  }

  close(): void {
    this.catalog?.close();
    this.catalog = null;
  }
}
