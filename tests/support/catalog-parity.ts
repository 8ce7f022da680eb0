import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Catalog } from '../../electron/services/catalog/catalog';
import { sqlDriver, useSqlDriver } from '../../electron/services/catalog/sql';
import { betterSqlite } from '../../electron/services/catalog/sqlite-better';
import { nodeSqlite } from '../../electron/services/catalog/sqlite-node';
import { saveForsythiaCaption, saveWetlandStory } from './archive-edits';

// The catalogue's key cases on one SQLite binding, as JSON on stdout: bundled by
// tests/unit/catalog-node-sqlite.test.ts and run twice on copies of one generated archive,
// under Node 20 with better-sqlite3 and under Node 22 with node:sqlite (the Electron
// window's binding), so the test can require the two to agree exactly.
//   node catalog-parity.mjs WORKSPACE better|node

export const PARITY_QUERIES: [string, ('photo' | 'story' | 'page')?][] = [
  ['党参'], ['党参', 'photo'], ['育苗', 'photo'], ['党参 育苗'], ['沁源', 'photo'], ['灵空山', 'story'], ['参育', 'photo'],
  ['apricots', 'photo'], ['codonopsis seedling'], ['党参 seedlings'], ['会议 deputies'], ['第1版', 'page'],
];

async function main(): Promise<void> {
  const [root, binding] = process.argv.slice(2);
  if (!root || (binding !== 'better' && binding !== 'node')) throw new Error('usage: catalog-parity WORKSPACE better|node');
  useSqlDriver(binding === 'node' ? nodeSqlite : betterSqlite);
  const strip = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll(root, '<root>')) as unknown;

  const built = await Catalog.rebuild(root);
  let { catalog } = await Catalog.open(root);
  const search = () => PARITY_QUERIES.map(([q, kind]) => ({ q, kind, hits: strip(catalog.search(q, { kind, limit: 500 })) }));
  const before = search();

  // Incremental: a library caption and an edition's story, as the desk's hooks apply them.
  const photo = await saveForsythiaCaption(root);
  const t0 = performance.now();
  await catalog.updateLibraryPhoto(photo);
  const captionMs = performance.now() - t0;
  const dir = await saveWetlandStory(root);
  await catalog.updateEdition(dir, 'e01.edition');
  const updated = ['连翘', 'forsythias taiyue', '湿地 egret'].map((q) => ({ q, refs: catalog.search(q).map((h) => h.ref) }));
  const live = catalog.dump();
  catalog.close();

  await Catalog.rebuild(root);
  ({ catalog } = await Catalog.open(root));
  const rebuilt = catalog.dump();
  catalog.close();

  // A torn catalogue file is rebuilt from the files on open.
  await writeFile(Catalog.file(root), Buffer.alloc(8192, 0x5a));
  const reopened = await Catalog.open(root);
  const afterTear = reopened.catalog.dump();
  reopened.catalog.close();

  process.stdout.write(JSON.stringify({
    binding: sqlDriver().name, node: process.version, rows: built.rows, problems: built.problems,
    before, updated, captionMs, live, rebuilt, tornRebuilt: reopened.rebuilt !== null, afterTear, transactions: transactionChecks(root),
  }));
}

/** The adapter's transactions: commit, rollback on throw, a nested savepoint rolled back alone; close twice. */
function transactionChecks(root: string): unknown {
  const db = sqlDriver().open(join(root, 'tx.db'));
  db.exec('CREATE TABLE t(v INTEGER)');
  const ins = db.prepare('INSERT INTO t(v) VALUES (?)');
  db.transaction(() => { ins.run(1); })();
  try { db.transaction(() => { ins.run(2); throw new Error('no'); })(); } catch { /* rolled back */ }
  db.transaction(() => {
    ins.run(3);
    try { db.transaction(() => { ins.run(4); throw new Error('inner'); })(); } catch { /* savepoint rolled back */ }
  })();
  const rows = db.prepare('SELECT v FROM t ORDER BY v').all();
  const simple = db.pragma('user_version', { simple: true });
  db.close();
  db.close(); // a second close is a no-op in both
  return { rows: JSON.parse(JSON.stringify(rows)) as unknown, simple };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
