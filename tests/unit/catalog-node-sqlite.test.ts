import { execFile } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANTED, generateArchive } from '../support/archive-gen';
import { NODE22, bundleForNode, nodeOfMajor } from '../support/bundle-node';
import { cleanupTemp, tempDir } from './helpers';

// The Electron window's catalogue runs on Node 22's node:sqlite (Electron cannot load
// better-sqlite3). Its key cases (index, ranking, incremental update, rebuild equals
// incremental, torn file rebuilt) run under a real Node 22 with node:sqlite, and under
// Node 20 with better-sqlite3 on a copy of the same workspace: the answers must be identical.

interface Hit { item: string; ref: string; score: number; snippet: unknown }
interface Report {
  binding: string; node: string; rows: number; problems: string[];
  before: { q: string; kind?: string; hits: Hit[] }[];
  updated: { q: string; refs: string[] }[];
  captionMs: number; live: string[]; rebuilt: string[]; tornRebuilt: boolean; afterTear: string[];
  transactions: unknown;
}

const run = promisify(execFile);
let better: Report;
let node: Report;

beforeAll(async () => {
  expect(existsSync(NODE22), `${NODE22}: Node 22 not unpacked: run node scripts/node22.mjs (npm test does)`).toBe(true);
  // better-sqlite3's binary is built for Node 20; npm scripts may run vitest on Node 22 (node_modules/.bin/node).
  const node20 = nodeOfMajor(20);
  expect(node20, 'no Node 20 on PATH to run better-sqlite3').not.toBeNull();
  const base = await tempDir('catalog-parity');
  await generateArchive(join(base, 'ws'), { editions: 3, storiesPerEdition: 10, photos: 200 });
  await cp(join(base, 'ws'), join(base, 'better'), { recursive: true });
  await cp(join(base, 'ws'), join(base, 'node'), { recursive: true });
  const script = await bundleForNode('tests/support/catalog-parity.ts', 'catalog-parity');
  const go = async (bin: string, binding: string) => JSON.parse((await run(bin, [script.file, join(base, binding), binding], { maxBuffer: 64 << 20 })).stdout) as Report;
  try {
    [better, node] = await Promise.all([go(node20!, 'better'), go(NODE22, 'node')]);
  } finally {
    await rm(script.dir, { recursive: true, force: true });
  }
}, 120_000);
afterAll(cleanupTemp);

describe('the catalogue on node:sqlite (Node 22, the Electron window) and on better-sqlite3', () => {
  it('ran on the bindings it says', () => {
    expect([better.binding, node.binding]).toEqual(['better-sqlite3', 'node:sqlite']);
    expect(node.node).toMatch(/^v22\./);
    expect(node.problems).toEqual([]);
    expect(node.rows).toBe(better.rows);
  });

  it('indexes the same rows and ranks the planted best matches first', () => {
    const first = (r: Report, q: string, kind?: string) => r.before.find((b) => b.q === q && b.kind === kind)!.hits.map((h) => h.ref);
    expect(first(node, '党参 育苗')[0]).toBe(PLANTED.bestPhoto);
    expect(first(node, '参育', 'photo')[0]).toBe(PLANTED.wordDecoy);
    expect(new Set(first(node, 'apricots', 'photo'))).toEqual(new Set(PLANTED.apricotPhotos));
    expect(first(node, '灵空山', 'story').length).toBeGreaterThan(0);
  });

  it('answers every query with identical items, order, snippets and placements', () => {
    const strip = (r: Report) => r.before.map((b) => ({ ...b, hits: b.hits.map(({ score: _s, ...h }) => h) }));
    expect(strip(node)).toEqual(strip(better));
    // bm25 is SQLite's own code in both: the scores agree to the last bits that matter.
    node.before.forEach((b, i) => b.hits.forEach((h, j) => expect(h.score).toBeCloseTo(better.before[i]!.hits[j]!.score, 9)));
  });

  it('applies a caption and a story save at once, and the live catalogue equals a rebuild', () => {
    expect(node.updated).toEqual([
      { q: '连翘', refs: ['p-120'] }, { q: 'forsythias taiyue', refs: ['p-120'] }, { q: '湿地 egret', refs: ['s-1-7'] },
    ]);
    expect(node.updated).toEqual(better.updated);
    expect(node.captionMs).toBeLessThan(1000);
    expect(node.live).toEqual(node.rebuilt);
    expect(node.live).toEqual(better.live);
  });

  it('rebuilds a torn catalogue file on open, nothing lost', () => {
    expect(node.tornRebuilt).toBe(true);
    expect(node.afterTear).toEqual(node.rebuilt);
  });

  it('keeps better-sqlite3\'s transaction semantics: rollback on throw, nested savepoints', () => {
    expect(node.transactions).toEqual({ rows: [{ v: 1 }, { v: 3 }], simple: 0 });
    expect(node.transactions).toEqual(better.transactions);
  });
});
