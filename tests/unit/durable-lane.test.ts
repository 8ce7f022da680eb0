import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDurable } from '../../electron/services/durable-lane';
import { cleanupTemp, REPO_ROOT, tempDir } from './helpers';

// The durable lane (group commit's thread): steps in order, the first error stops the rest,
// and a commit in hand keeps the process alive (an unref'd idle thread must not let a
// script exit with its last commit unanswered).

afterAll(cleanupTemp);

describe('durable lane', () => {
  it('syncs, renames and fsyncs the folder in order; a failing step stops the rest', async () => {
    const d = await tempDir('lane');
    writeFileSync(join(d, 'a.tmp'), 'a');
    writeFileSync(join(d, 'b.tmp'), 'b');
    await makeDurable([
      { sync: [join(d, 'a.tmp')], renames: [[join(d, 'a.tmp'), join(d, 'a')]], dirs: [d] },
      { sync: [join(d, 'b.tmp')], renames: [[join(d, 'b.tmp'), join(d, 'b')]], dirs: [d] },
    ]);
    expect(readFileSync(join(d, 'a'), 'utf8') + readFileSync(join(d, 'b'), 'utf8')).toBe('ab');

    writeFileSync(join(d, 'c.tmp'), 'c');
    await expect(makeDurable([
      { sync: [join(d, 'missing.tmp')], renames: [[join(d, 'c.tmp'), join(d, 'c')]], dirs: [d] },
    ])).rejects.toThrow(/ENOENT/);
    expect(existsSync(join(d, 'c'))).toBe(false); // not renamed: its step's sync failed first
  });

  it('keeps the process alive until a commit in hand is answered', async () => {
    const d = await tempDir('lane-exit');
    const script = join(REPO_ROOT, 'out/tests', `lane-exit-${process.pid}.mjs`);
    const entry = join(d, 'entry.ts');
    writeFileSync(entry, `import { writeFileSync } from 'node:fs';
import { makeDurable } from ${JSON.stringify(join(REPO_ROOT, 'electron/services/durable-lane.ts'))};
const dir = process.argv[2];
writeFileSync(dir + '/x.tmp', 'x');
writeFileSync(dir + '/y.tmp', 'y');
// The second commit goes to a lane that is already running and was idle.
void makeDurable([{ sync: [dir + '/x.tmp'], renames: [[dir + '/x.tmp', dir + '/x']], dirs: [dir] }])
  .then(() => new Promise((r) => setTimeout(r, 50)))
  .then(() => makeDurable([{ sync: [dir + '/y.tmp'], renames: [[dir + '/y.tmp', dir + '/y']], dirs: [dir] }]))
  .then(() => console.log('committed'));
`);
    await build({ entryPoints: [entry], outfile: script, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
    const r = spawnSync(process.execPath, [script, d], { encoding: 'utf8', timeout: 20_000 });
    rmSync(script, { force: true });
    expect(r.stdout.trim()).toBe('committed');
    expect(r.status).toBe(0);
    expect(existsSync(join(d, 'x')) && existsSync(join(d, 'y'))).toBe(true);
  }, 30_000);
});
