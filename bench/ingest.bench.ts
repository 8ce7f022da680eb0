import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { LibraryStore } from '../electron/services/library/store';
import { ingestPaths } from '../electron/services/library/ingest';

// Photo ingest on generated 24-megapixel JPEGs: the app's whole ingest (hash, header
// check, 1600 px preview + 400 px thumbnail, library copy, metadata read, record) against
// vipsthumbnail making one 1600 px thumbnail per file with two processes (xargs -P2), on
// the same files in the same run.

const COUNT = 24;
const IN_FLIGHT = 4;

async function makeFixtures(root: string): Promise<string[]> {
  const dir = join(tmpdir(), 'edition-desk-bench-24mp');
  mkdirSync(dir, { recursive: true });
  const sources = readdirSync(join(root, 'resources/sample/photos')).filter((f) => f.endsWith('.jpg'));
  const out: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const file = join(dir, `bench-${String(i).padStart(2, '0')}.jpg`);
    if (!existsSync(file)) {
      // Upscaled real photographs, rotated a little differently each, so no two files match.
      await sharp(join(root, 'resources/sample/photos', sources[i % sources.length]!))
        .resize(6000, 4000, { fit: 'cover' })
        .modulate({ brightness: 1 + (i % 7) * 0.01 })
        .jpeg({ quality: 90 })
        .withExifMerge({ IFD0: { Make: 'Bench', Model: '24MP', ImageDescription: `bench ${i}` } })
        .toFile(file);
    }
    out.push(file);
  }
  return out;
}

export const benchmarks = [
  {
    name: 'ingest-24mp',
    unit: 'photos/s',
    reference: 'vipsthumbnail -s 1600, xargs -P2',
    target: { kind: 'ratio-min', value: 0.9 },
    async run({ root }: { root: string }) {
      const files = await makeFixtures(root);
      // Reference first, so the page cache is warm for both.
      const vipsOut = await mkdtemp(join(tmpdir(), 'ed-vips-'));
      const t0 = performance.now();
      execFileSync('bash', ['-c', `printf '%s\\0' "$@" | xargs -0 -P2 -I{} vipsthumbnail {} -s 1600 -o ${vipsOut}/%s_t.jpg`, '_', ...files]);
      const reference = (files.length * 1000) / (performance.now() - t0);

      const ws = await mkdtemp(join(tmpdir(), 'ed-ingest-'));
      const store = new LibraryStore(join(ws, 'workspace'));
      const t1 = performance.now();
      const results = await ingestPaths(store, join(ws, 'cache'), files.map((f) => ({ path: f, sourcePath: f })), IN_FLIGHT);
      const value = (files.length * 1000) / (performance.now() - t1);
      const failed = results.filter((r) => r.status !== 'added');
      if (failed.length > 0) throw new Error(`ingest bench: ${failed.length} files not added`);
      await rm(ws, { recursive: true, force: true });
      await rm(vipsOut, { recursive: true, force: true });
      return { value, reference, note: `${COUNT} files, ${IN_FLIGHT} in flight, sharp ${sharp.versions.vips} vs system vipsthumbnail` };
    },
  },
];
