import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { dhashOf } from '../electron/services/library/dhash';

// photo-dhash (issue 16): what the near-duplicate hash adds to an ingest, per photo. Ours
// decodes the 400 px thumbnail ingest has just made, from its bytes in memory (issue 15:
// not read back from the cache file), turns it upright, shrinks it to 9×8
// grey and packs 64 bits. The reference is the floor of any hash from that thumbnail: sharp
// decoding the same JPEG to raw pixels, nothing else. Over the sample's eight stand-in
// photos' thumbnails (made here as ingest makes them: 400 px, quality 80), alternating.

const ROUNDS = 25;

export const benchmarks = [
  {
    name: 'photo-dhash',
    why: 'sharp decoding the same thumbnail to raw pixels is the floor of any hash taken from that thumbnail.',
    unit: 'ms',
    reference: 'sharp decoding the same 400 px thumbnail to raw pixels',
    target: { kind: 'ratio-max', value: 2 },
    async run({ root }: { root: string }) {
      const dir = join(root, 'resources', 'sample', 'photos');
      const thumbs = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.jpg'))
        .map((f) => sharp(readFileSync(join(dir, f))).rotate().resize(400, 400, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer()));
      for (const t of thumbs) { await dhashOf(t); await sharp(t).raw().toBuffer(); }
      const ours: number[] = [];
      const ref: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (const t of thumbs) {
          let t0 = performance.now();
          await dhashOf(t);
          ours.push(performance.now() - t0);
          t0 = performance.now();
          await sharp(t).raw().toBuffer();
          ref.push(performance.now() - t0);
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
      return { value: median(ours), reference: median(ref), note: `median of ${ROUNDS} × ${thumbs.length} thumbnails` };
    },
  },
];
