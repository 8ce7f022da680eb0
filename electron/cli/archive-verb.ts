import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { appError } from '../../shared/contract/messages';
import { Catalog } from '../services/catalog/catalog';
import { collectServer } from '../services/catalog/server-collect';
import type { CatalogKind } from '../services/catalog/rows';
import type { SearchHit } from '../services/catalog/search';
import { ArchiveUsageError } from './archive-usage';

// `edition-desk index DIR` and `edition-desk search DIR QUERY`: the archive catalogue
// (issue 16) from a terminal. Loaded by dynamic import only, so no other verb loads
// better-sqlite3 or jieba.

const KINDS = ['photo', 'story', 'page', 'edition'] as const;

async function workspaceDir(arg: string | undefined): Promise<string> {
  if (!arg) throw new ArchiveUsageError('needs a workspace folder');
  const dir = resolve(arg);
  const st = await stat(dir).catch(() => null);
  if (!st?.isDirectory()) throw appError('NOT_FOUND', dir);
  return dir;
}

const progress = (done: number, total: number) => process.stderr.write(`\rindexing editions ${done}/${total}`);

/** `--server DATA` (the desk server's data folder) instead of a workspace: its store is catalogued. */
function takeServer(args: string[]): { server: boolean; rest: string[] } {
  const i = args.indexOf('--server');
  return i < 0 ? { server: false, rest: args } : { server: true, rest: [...args.slice(0, i), ...args.slice(i + 1)] };
}

export async function indexVerb(argv: string[]): Promise<number> {
  const { server, rest: args } = takeServer(argv);
  if (args.length !== 1) throw new ArchiveUsageError('index needs exactly one workspace folder: edition-desk index DIR (or --server DATA)');
  const dir = await workspaceDir(args[0]);
  const r = await Catalog.rebuild(dir, progress, server ? collectServer : undefined);
  process.stderr.write('\n');
  for (const p of r.problems) console.error(`skipped: ${p}`);
  console.log(`${Catalog.file(dir)}\t${r.items} items, ${r.rows} rows, ${r.problems.length} skipped, ${(r.ms / 1000).toFixed(1)} s`);
  return 0;
}

function line(h: SearchHit): string {
  // The snippet's marks as 【…】: visible in any terminal and in a pipe.
  let text = '';
  let at = 0;
  for (const [a, b] of h.snippet.marks) {
    text += `${h.snippet.text.slice(at, a)}【${h.snippet.text.slice(a, b)}】`;
    at = b;
  }
  text += h.snippet.text.slice(at);
  const where = h.kind === 'photo'
    ? h.placements.filter((p) => p.pageNumber !== null).map((p) => `${p.editionTitle} 第${p.pageNumber}版`).join('; ')
    : h.editionTitle ?? '';
  return [h.kind, h.item, h.title, h.date.slice(0, 10), where, text].join('\t');
}

export async function searchVerb(argv: string[]): Promise<number> {
  const { server, rest: args } = takeServer(argv);
  const pos: string[] = [];
  let kind: CatalogKind | undefined;
  let limit = 20;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [name, inline] = a.startsWith('--') ? a.split('=', 2) as [string, string | undefined] : [null, undefined];
    if (name === null) { pos.push(a); continue; }
    if (name === '--json') { json = true; continue; }
    const v = inline ?? args[++i];
    if (name === '--kind') {
      if (!KINDS.includes(v as CatalogKind)) throw new ArchiveUsageError(`--kind is one of ${KINDS.join(', ')}`);
      kind = v as CatalogKind;
    } else if (name === '--limit') {
      limit = Number(v);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new ArchiveUsageError('--limit is a whole number from 1 to 500');
    } else throw new ArchiveUsageError(`unknown option ${name}; see edition-desk --help`);
  }
  if (pos.length !== 2) throw new ArchiveUsageError('search needs a workspace folder and a query: edition-desk search DIR "党参 育苗"');
  const dir = await workspaceDir(pos[0]);
  // A server's store changes under the running server: its catalogue is built afresh for each search.
  if (server) await Catalog.rebuild(dir, progress, collectServer);
  const { catalog, rebuilt } = await Catalog.open(dir, progress);
  if (rebuilt) process.stderr.write(`\ncatalogue built: ${rebuilt.items} items\n`);
  try {
    const hits = catalog.search(pos[1]!, { kind, limit });
    const out = json ? JSON.stringify(hits, null, 2) : hits.map(line).join('\n');
    if (out) await new Promise<void>((done) => process.stdout.write(out + '\n', () => done()));
    return hits.length ? 0 : 1;
  } finally {
    catalog.close();
  }
}
