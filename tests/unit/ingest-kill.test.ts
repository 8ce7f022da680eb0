import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/services/library/store';
import { ATOMIC_TEMP_NAME } from '../../electron/services/atomic-write';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { cameraJpeg } from '../support/camera-jpeg';
import { cleanupTemp, REPO_ROOT, tempDir } from './helpers';

// "Nothing a user imported is ever lost, whatever happens to the process" (issue 15, group
// commit): an ingest killed with SIGKILL in the middle of a batch leaves every photo it had
// reported added whole in the library (record parses, file's hash is the record's), and
// every other photo either absent or whole; never a record naming a missing or torn file.

afterAll(cleanupTemp);
const d = SHARED_FIXTURES ? describe : describe.skip;
if (!SHARED_FIXTURES) console.log(SHARED_FIXTURES_SKIP);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

d('ingest killed mid-batch', () => {
  it('keeps every reported photo whole and leaves the rest absent or whole', async () => {
    const root = await tempDir('ingest-kill');
    // Bundled beside the build, so its packages (sharp) resolve from the repository's node_modules.
    const child = join(REPO_ROOT, 'out/tests', `ingest-child-${process.pid}.mjs`);
    await build({
      entryPoints: [join(REPO_ROOT, 'tests/support/ingest-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm',
      target: 'node20', logLevel: 'warning', packages: 'external',
    });
    const photos = join(SHARED_FIXTURES!, 'photos');
    const fixtures = readdirSync(photos).filter((f) => /\.jpe?g$/i.test(f) && !/corrupt|truncat/i.test(f)).map((f) => join(photos, f));
    // Camera-style files among them, which go from their header and embedded preview, copied by the kernel (ingest-camera-file.ts).
    const files: string[] = [];
    for (const [i, f] of fixtures.entries()) {
      files.push(f);
      if (i % 3 !== 0) continue;
      const cam = join(root, `CAM_${i}.JPG`);
      writeFileSync(cam, await cameraJpeg(fixtures[0]!, { width: 1800, height: 1200, tint: i % 7 }));
      files.push(cam);
    }
    const ws = join(root, 'workspace');
    const proc = spawn(process.execPath, [child, ws, join(root, 'cache'), ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    const reported = new Map<string, string>();
    let err = '';
    proc.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    const killed = await new Promise<boolean>((done) => {
      let buf = '';
      proc.stdout.on('data', (b: Buffer) => {
        buf += b.toString();
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const [word, id, hash] = buf.slice(0, nl).split(' ');
          buf = buf.slice(nl + 1);
          if (word === 'added') reported.set(id!, hash!);
          // Killed once a few are in: the rest of the batch is being decoded, staged or committed.
          if (reported.size === 3 && proc.exitCode === null) proc.kill('SIGKILL');
        }
      });
      proc.on('exit', (_code, signal) => done(signal === 'SIGKILL'));
    });
    rmSync(child, { force: true });
    expect(killed, `the child finished before it was killed (${reported.size} added)\n${err}`).toBe(true);
    expect(reported.size).toBeGreaterThanOrEqual(3);
    expect(reported.size).toBeLessThan(files.length);

    const store = new LibraryStore(ws);
    const records = await store.all();
    expect(store.problems).toEqual([]);
    const byId = new Map(records.map((p) => [p.id, p]));
    // Every reported photo: its record, and its file whole.
    for (const [id, hash] of reported) {
      const p = byId.get(id);
      expect(p, `reported ${id} has no record`).toBeDefined();
      expect(sha(readFileSync(join(ws, p!.file)))).toBe(hash);
    }
    // Every record (reported or not): its file whole.
    for (const p of records) expect(sha(readFileSync(join(ws, p.file))), p.file).toBe(p.sha256);
    // Every library file under its own name is whole (named by its hash); the rest are temp
    // files the start-up sweep removes.
    for (const name of readdirSync(join(ws, 'library/files'))) {
      if (ATOMIC_TEMP_NAME.test(name)) continue;
      const id = name.replace(/\.[^.]+$/, '');
      expect(sha(readFileSync(join(ws, 'library/files', name))).slice(0, 20), name).toBe(id.slice(3));
    }
  }, 60_000);
});
