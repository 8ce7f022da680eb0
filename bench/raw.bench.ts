import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { LibraryStore } from '../electron/services/library/store';
import { ingestPaths } from '../electron/services/library/ingest-paths';
import { backgroundSettled } from '../electron/services/library/preview-background';

// ingest-raw (issue 15, item 1): a card of 25 camera raws (the five of tests/corpus/raw with
// a usable preview, CR2, NEF, ARW, DNG, CR3, five copies each, made distinct by a 16-byte
// `free` box appended, which no offset points at) ingested as the desk does it, 4 in
// flight, until every photo is recorded: read once, hash, preview found by offsets, one
// shrink-on-load decode of the embedded JPEG to the 400 px thumbnail, EXIF, library copy and
// record made durable (the 1600 px loupe preview follows behind the batch, as a camera
// JPEG's in ingest-camera; its time is in the note). Reference: `exiftool -b -PreviewImage -JpgFromRaw -W`
// pulling the same embedded JPEGs out of the same files in one process, the tool a
// photographer uses to get previews off a raw card; it writes them and decodes nothing,
// so the ratio is what our decode, copy and record cost on top of finding the JPEGs.
// Runs alternate, best of 3, each after a `sync`.

const COPIES = 5;
const IN_FLIGHT = 4;
const ROUNDS = 3;
const RAWS = ['canon-eos-350d.cr2', 'nikon-d70.nef', 'sony-zv-e10.arw', 'canon-eos-6d.dng', 'canon-eos-r6.cr3'];

async function card(root: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of RAWS) {
    const bytes = readFileSync(join(root, 'tests', 'corpus', 'raw', name));
    for (let i = 0; i < COPIES; i++) {
      const tail = Buffer.alloc(16);
      tail.writeUInt32BE(16, 0);
      tail.write('free', 4, 'latin1');
      tail.writeUInt32BE(i, 12);
      const file = join(dir, `${i}-${name}`);
      await writeFile(file, Buffer.concat([bytes, tail]));
      files.push(file);
    }
  }
  return files;
}

/** Until every raw is recorded; the background's 1600 px previews are waited for outside the timed part (`previewsMs`). */
async function ours(files: string[]): Promise<{ ms: number; previewsMs: number }> {
  const ws = await mkdtemp(join(tmpdir(), 'ed-raw-bench-'));
  try {
    const store = new LibraryStore(join(ws, 'workspace'));
    const t = performance.now();
    const results = await ingestPaths(store, join(ws, 'cache'), files.map((f) => ({ path: f, sourcePath: f })), IN_FLIGHT);
    const ms = performance.now() - t;
    await backgroundSettled();
    const previewsMs = performance.now() - t;
    const failed = results.filter((r) => r.status !== 'added');
    if (failed.length > 0) throw new Error(`ingest-raw: ${failed.length} files not added: ${JSON.stringify(failed[0])}`);
    return { ms, previewsMs };
  } finally {
    await rm(ws, { recursive: true, force: true });
  }
}

async function exiftool(files: string[]): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'ed-raw-exiftool-'));
  try {
    const t = performance.now();
    execFileSync('exiftool', ['-q', '-q', '-b', '-PreviewImage', '-JpgFromRaw', '-W', `${out}/%f_%t.%s`, ...files]);
    const ms = performance.now() - t;
    if (readdirSync(out).length < files.length) throw new Error('ingest-raw: exiftool extracted fewer previews than files');
    return ms;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

export const benchmarks = [
  {
    name: 'ingest-raw',
    why: 'exiftool pulling the same embedded JPEGs out of the same raws in one process (no process start per file) is what a Photo Mechanic-style first look at a card costs; ours also hashes, decodes the thumbnail, copies and records durably (the 1600 px previews follow behind the batch, their time in the note).',
    unit: 's',
    reference: 'exiftool -b -PreviewImage -JpgFromRaw -W, one process over the same 25 raws',
    target: { kind: 'ratio-max', value: 1.5 },
    async run({ root }: { root: string }) {
      const dir = await mkdtemp(join(tmpdir(), 'ed-raw-card-'));
      try {
        const files = await card(root, dir);
        let mine = Infinity;
        let previews = Infinity;
        let ref = Infinity;
        for (let i = 0; i < ROUNDS; i++) {
          execFileSync('sync');
          const r = await ours(files);
          mine = Math.min(mine, r.ms);
          previews = Math.min(previews, r.previewsMs);
          execFileSync('sync');
          ref = Math.min(ref, await exiftool(files));
        }
        return {
          value: mine / 1000, reference: ref / 1000,
          note: `${files.length} raws (CR2, NEF, ARW, DNG, CR3 × ${COPIES}), ${IN_FLIGHT} in flight, best of ${ROUNDS} alternating: every raw recorded with its 400 px thumbnail after ${(mine / 1000).toFixed(2)} s (${(files.length * 1000 / mine).toFixed(1)} raws/s), the background's 1600 px previews done after ${(previews / 1000).toFixed(2)} s; exiftool's extraction ${(ref / 1000).toFixed(2)} s; load average ${loadavg()[0]!.toFixed(1)}`,
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  },
];
