import { mkdir, readdir, realpath, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processStart, sweepTempLeftovers } from '../../electron/services/startup-repair';
import { cleanupTemp, tempDir } from './helpers';

// Issue 11, item 9: atomic-write leftovers are swept at start-up, but only those older than
// this process (another desk process may be writing right now) and only our own temp names.

afterAll(cleanupTemp);

describe('sweepTempLeftovers', () => {
  it('removes old .NAME.<12 hex>.tmp files at any depth and keeps everything else', async () => {
    const root = await realpath(await tempDir('sweep'));
    await mkdir(join(root, 'a.edition', 'stories'), { recursive: true });
    const old = new Date(Date.now() - 3600_000);
    const files = {
      oldTemp: join(root, 'a.edition', 'stories', '.story-1.json.0123456789ab.tmp'),
      oldTop: join(root, '.edition.json.abcdefabcdef.tmp'),
      newTemp: join(root, 'a.edition', '.page-1.json.fedcba987654.tmp'),
      notOurs: join(root, 'a.edition', 'notes.tmp'),
      story: join(root, 'a.edition', 'stories', 'story-1.json'),
    };
    for (const f of Object.values(files)) await writeFile(f, 'x');
    for (const f of [files.oldTemp, files.oldTop, files.notOurs, files.story]) await utimes(f, old, old);
    const removed = await sweepTempLeftovers(root, new Date(Date.now() - 60_000));
    expect(removed.sort()).toEqual([files.oldTop, files.oldTemp].sort());
    expect(await readdir(join(root, 'a.edition'))).toEqual(expect.arrayContaining(['.page-1.json.fedcba987654.tmp', 'notes.tmp']));
    expect(await readdir(join(root, 'a.edition', 'stories'))).toEqual(['story-1.json']);
    expect(processStart().getTime()).toBeLessThanOrEqual(Date.now());
  });
});
