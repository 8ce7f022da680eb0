import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../electron/services/deskserver/accounts';
import { openDeskDb } from '../../electron/services/deskserver/desk-db';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { bundleCli } from './cli-bundle';

// `edition-desk user …` and `serve`'s usage errors through the bundled CLI, and the promise
// that no other verb loads better-sqlite3 (a native module Electron's ABI cannot load).

const CLI_FOLDER = 'test-deskserver-user-cli';
const CLI = join(REPO_ROOT, 'out', CLI_FOLDER, 'index.mjs');
let data: string;

const cli = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input: input ?? '', env: { ...process.env, LANG: 'C' }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(async () => {
  await bundleCli(CLI_FOLDER);
  data = await tempDir('deskserver-cli');
}, 120_000);
afterAll(cleanupTemp);

/** Every file the entry loads statically (import … from "./…"), transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^import\s[^;]*?from\s*"(\.[^"]+)"/gm)) staticGraph(join(dirname(file), m[1]!), seen);
  return seen;
}

describe('edition-desk user', () => {
  it('adds, lists, changes and removes users; the password comes from stdin and is stored hashed', async () => {
    expect(cli(['user', 'add', 'chen', '--role', 'chief', '--data', data], 'first password 1\n')).toMatchObject({ code: 0, out: 'chen\tchief\n' });
    expect(cli(['user', 'add', '李编辑', '--role', 'editor', '--data', data], 'second password 2\n').code).toBe(0);
    expect(cli(['user', 'list', '--data', data]).out).toBe('chen\tchief\n李编辑\teditor\n');
    const dup = cli(['user', 'add', 'chen', '--role', 'editor', '--data', data], 'whatever password\n');
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/exists/);
    expect(cli(['user', 'add', 'x', '--role', 'boss', '--data', data], 'long enough pw\n').code).toBe(2);
    expect(cli(['user', 'add', 'y', '--role', 'editor', '--data', data], 'short\n').code).toBe(2);
    expect(cli(['user', 'add', 'a/b', '--role', 'editor', '--data', data], 'long enough pw\n').code).toBe(2);

    const db = openDeskDb(data);
    const accounts = new Accounts(db);
    expect(await accounts.verify('chen', 'first password 1')).toEqual({ name: 'chen', role: 'chief' });
    const raw = readFileSync(join(data, 'desk.db'));
    expect(raw.includes(Buffer.from('first password 1'))).toBe(false);
    db.close();

    expect(cli(['user', 'passwd', 'chen', '--data', data], 'changed password 3\n').code).toBe(0);
    const db2 = openDeskDb(data);
    expect(await new Accounts(db2).verify('chen', 'first password 1')).toBeNull();
    expect(await new Accounts(db2).verify('chen', 'changed password 3')).not.toBeNull();
    db2.close();
    expect(cli(['user', 'remove', '李编辑', '--data', data]).code).toBe(0);
    expect(cli(['user', 'remove', '李编辑', '--data', data]).code).toBe(1);
    expect(cli(['user', 'list', '--data', data]).out).toBe('chen\tchief\n');
    // A dozen CLI processes, each with a scrypt: 15 s was too little on a loaded 2-core CI machine.
  }, 90_000);

  it('refuses bad serve options with a usage error', () => {
    expect(cli(['serve', '--cert', 'a.pem', '--data', data]).code).toBe(2);
    expect(cli(['serve', '--port', 'seventy', '--data', data]).code).toBe(2);
    expect(cli(['serve', '--bogus', '1']).code).toBe(2);
    expect(cli(['--help']).out).toMatch(/edition-desk serve \[--data DIR\]/);
  });

  it('loads better-sqlite3 only in the chunks of serve and user', () => {
    const graph = staticGraph(CLI);
    expect(graph.size).toBeGreaterThan(1);
    for (const f of graph) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from\s*"better-sqlite3"/);
    const index = readFileSync(CLI, 'utf8');
    expect(index).toMatch(/import\("\.\/chunks\/serve-verb-[^"]+"\)/);
  });
});
