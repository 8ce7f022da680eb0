import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SEEDS_DIR, cleanupTemp, tempDir } from './helpers';
import { ensureNodeBuild } from './node-build';
import { WRAPPER_HEAD, WRAPPER_TAIL } from '../../electron/cli/compile-cache';

// The proof command's fast start (issue 15, item 3): bin/edition-desk.cjs (CommonJS, no ES
// module loader), the text-only bundle for a .md/.txt file (out/cli/proof-text.cjs), and the
// findings written to fd 1 in one blocking write (electron/cli/stdout-sync.ts). Each answers
// as the full CLI does (out/cli/index.mjs), and no output is lost to a pipe.

const BIN = join(REPO_ROOT, 'bin', 'edition-desk.cjs');
const FULL = join(REPO_ROOT, 'out', 'cli', 'index.mjs');
const SEED = join(SEEDS_DIR, '2026-qinyuan-lianghui.md');
let tmp: string;
let many: string;

const env = () => ({ ...process.env, LANG: 'C', XDG_CACHE_HOME: join(tmp, 'cache') });
function run(entry: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [entry, ...args], { cwd: tmp, encoding: 'utf8', env: env(), maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  ensureNodeBuild();
  tmp = await tempDir('proof-cli-start');
  // 3,000 lines with a finding each: ~280 KB of findings, more than a pipe holds (64 KB).
  many = join(tmp, 'many.md');
  writeFileSync(many, '推进产学研研合作，成效明显。\n\n'.repeat(3000));
}, 180_000);
afterAll(cleanupTemp);

describe('edition-desk proof, fast start', () => {
  it('a .md file runs the text-only bundle, a folder the whole one; each answers as the full CLI', () => {
    const odd = join(tmp, 'folder.md'); // a folder with a text file's name is an edition folder to proof
    mkdirSync(odd);
    // Traditional characters: the rule's OpenCC tables, which the bundles evaluate only then (electron/cli/opencc-lazy.ts).
    const trad = join(tmp, 'trad.md');
    writeFileSync(trad, '# 标题\n\n這個繁體字很多，後來發現。\n');
    // (The seed page and a missing file against the full CLI: proof-cli.test.ts.)
    const cases = [[trad], [odd], [SEED, '--terms', join(tmp, 'none.txt')]];
    for (const args of cases) expect(run(BIN, 'proof', ...args), args.join(' ')).toEqual(run(FULL, 'proof', ...args));
    expect(run(BIN, 'proof', trad).out).toContain('Traditional character "這"');
    const caches = readdirSync(join(tmp, 'cache', 'edition-desk'));
    expect(caches.some((f) => f.startsWith('proof-text.cjs-'))).toBe(true); // the .md files
    expect(caches.some((f) => f.startsWith('proof.cjs-'))).toBe(true); // the folder
    // The text-only bundle leaves out the .docx and edition readers and what they load.
    const text = readFileSync(join(REPO_ROOT, 'out', 'cli', 'proof-text.cjs'), 'latin1');
    expect(text.length).toBeLessThan(500_000);
    expect(text).not.toMatch(/xmldom|ZodError/);
    // Written inside the module wrapper the loader would add (scripts/build.mjs), so it compiles the file as read.
    expect([text.startsWith(WRAPPER_HEAD), text.endsWith(WRAPPER_TAIL)]).toEqual([true, true]);
    // The old bin path still runs the CLI (the seed page: the text bundle).
    const seed = run(join(REPO_ROOT, 'bin', 'edition-desk.mjs'), 'proof', SEED);
    expect([seed.code, seed.out.split('\n').length]).toEqual([1, 5]);
  }, 60_000);

  it('maps the 错别字 tables where the addon is built, and reads them the same way without it', () => {
    const addon = join(REPO_ROOT, 'out', 'cli', 'csc-map.node');
    // Linux with a C compiler and Node's headers (scripts/csc-map-addon.mjs): this project's machines and CI.
    expect(existsSync(addon)).toBe(true);
    const { map } = createRequire(import.meta.url)(addon) as { map(path: string): ArrayBuffer };
    const table = join(REPO_ROOT, 'resources', 'csc', 'csc-model.bin');
    expect(Buffer.from(map(table)).equals(readFileSync(table))).toBe(true);
    expect(() => map(join(tmp, 'absent.bin'))).toThrow(/cannot open/);
    expect(() => map(tmp)).toThrow(/not a regular/);
    const empty = join(tmp, 'empty.bin');
    writeFileSync(empty, '');
    expect(() => map(empty)).toThrow(/non-empty/);
    // Findings that need the tables (a typo) through the mapping and through the read: the same bytes.
    const page = join(tmp, 'typo.md');
    writeFileSync(page, readFileSync(SEED, 'utf8') + '\n\n我们和他门一起去了学校。\n');
    const mapped = run(BIN, 'proof', page);
    const read = spawnSync(process.execPath, [BIN, 'proof', page], { cwd: tmp, encoding: 'utf8', env: { ...env(), EDITION_DESK_NO_MAP: '1' } });
    expect(mapped.out).toContain('char.typo  Possible typo: "们" for "门"?');
    expect([read.status, read.stdout, read.stderr]).toEqual([mapped.code, mapped.out, mapped.err]);
  }, 60_000);

  it('writes every finding through a slow pipe and to a file, the same bytes', async () => {
    const file = join(tmp, 'many.out');
    const fd = openSync(file, 'w');
    const toFile = spawnSync(process.execPath, [BIN, 'proof', many], { stdio: ['ignore', fd, 'pipe'], env: env() });
    closeSync(fd);
    expect(toFile.status).toBe(0); // warnings only
    const want = readFileSync(file);
    expect(want.length).toBeGreaterThan(200_000);
    expect(want.toString('utf8').split('\n').filter((l) => l.includes('char.repeated'))).toHaveLength(3000);
    // A reader that takes nothing for a while: the pipe fills, the writer waits, nothing is dropped.
    const child = spawn(process.execPath, [BIN, 'proof', many], { stdio: ['ignore', 'pipe', 'pipe'], env: env() });
    child.stdout.pause();
    await new Promise((r) => setTimeout(r, 300));
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).equals(want)).toBe(true);
  }, 60_000);

  it('a reader that leaves after the first line ends the run quietly, with the verb\'s exit code', async () => {
    const child = spawn(process.execPath, [BIN, 'proof', many], { stdio: ['ignore', 'pipe', 'pipe'], env: env() });
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const first = await new Promise<string>((done) => child.stdout.once('data', (c: Buffer) => done(c.toString())));
    child.stdout.destroy(); // as `| head -1` closes its end
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(first).toMatch(/many\.md:1:\d+ {2}warning {2}char\.repeated/);
    expect([code, err]).toEqual([0, '']);
  }, 60_000);
});
