import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import { REPO_ROOT, cleanupTemp, tempDir } from './helpers';
import { acknowledged, addUsers, api, connect, login, synced, until, type Client } from './deskserver-support';
import { SCALE_SKIP_REASON, TEST_PG, TEST_REDIS } from './scale-support';

// `edition-desk serve --postgres URL --redis URL` through the bundled CLI: two server
// processes on loopback, a desk on each, one story; both stopped; one started again serves
// the story from PostgreSQL. Skipped, saying why, where Redis and PostgreSQL are not set up.

const CLI = join(REPO_ROOT, 'out', 'test-deskserver-scale-cli', 'index.mjs');

interface Proc { child: ChildProcess; server: DeskServer; lines: string[] }

function serve(dataDir: string): Promise<Proc> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1', '--postgres', TEST_PG, '--redis', TEST_REDIS], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`serve did not start in 30 s: ${lines.join(' | ')}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${lines.join(' | ')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (!line.startsWith('desks compare')) return;
      clearTimeout(t);
      const url = lines.find((l) => l.startsWith('EDITION_DESK_SERVER='))!.slice('EDITION_DESK_SERVER='.length);
      const certPem = readFileSync(join(dataDir, 'tls', 'cert.pem'), 'utf8');
      const server = { url, port: Number(new URL(url).port), fingerprint: '', certPem, close: async () => undefined };
      resolve({ child, server, lines });
    });
  });
}

function stop(p: Proc): Promise<number | null> {
  if (p.child.exitCode !== null) return Promise.resolve(p.child.exitCode);
  return new Promise((resolve) => {
    p.child.once('exit', (code) => resolve(code));
    p.child.kill('SIGTERM');
  });
}

describe.skipIf(SCALE_SKIP_REASON !== '')('serve --postgres --redis (built CLI)', () => {
  let dir: string;
  const procs: Proc[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    await build({
      entryPoints: [join(REPO_ROOT, 'electron/cli/index.ts')], outdir: join(CLI, '..'), splitting: true, entryNames: 'index', chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' }, bundle: true, platform: 'node', target: 'node20', format: 'esm',
      external: [...Object.keys(pkg.dependencies), 'electron'], define: { __APP_VERSION__: JSON.stringify(pkg.version) }, logLevel: 'warning',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    dir = await tempDir('deskserver-scale-cli');
    await addUsers(dir, { li: 'editor', zhao: 'layout' });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients) c.provider.destroy();
    await Promise.all(procs.map(stop));
    await cleanupTemp();
  }, 60_000);

  it('two server processes share one story live; it is in PostgreSQL after both stop', async () => {
    const ed = `ed-cli-${randomUUID().slice(0, 8)}`;
    const name = `story/${ed}/story-2026/zh`;
    const a = await serve(dir);
    const b = await serve(dir);
    procs.push(a, b);
    expect(a.lines).toContain('documents: PostgreSQL, shared with the other instances through Redis');
    const token = await login(a.server, 'li');
    expect((await api(b.server, 'POST', '/api/editions', { token: await login(b.server, 'zhao'), body: { id: ed, title: '特刊', issueDate: '2027-03-05' } })).status).toBe(201);

    const ca = connect(a.server, name, token);
    const cb = connect(b.server, name, token);
    clients.push(ca, cb);
    await Promise.all([synced(ca), synced(cb)]);
    ca.doc.get('root', Y.XmlText).insert(0, '两会');
    await until(cb.doc, () => cb.doc.get('root', Y.XmlText).toString() === '两会', 'B sees A');
    cb.doc.get('root', Y.XmlText).insert(2, '特刊');
    await until(ca.doc, () => ca.doc.get('root', Y.XmlText).toString() === '两会特刊', 'A sees B');
    await Promise.all([acknowledged(ca), acknowledged(cb)]);
    ca.provider.destroy();
    cb.provider.destroy();
    expect(await stop(a)).toBe(0);
    expect(await stop(b)).toBe(0);

    const again = await serve(dir);
    procs.push(again);
    const c = connect(again.server, name, token);
    clients.push(c);
    await synced(c);
    expect(c.doc.get('root', Y.XmlText).toString()).toBe('两会特刊');
  }, 60_000);
});
