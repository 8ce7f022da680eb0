import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSampleEdition } from '../electron/services/sample';
import { readEdition, readPages, readStory, listStoryIds } from '../electron/services/edition-store';

// Document I/O of issue 2: the cost of our validation and atomic writes over plain file work.

async function median(n: number, f: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(n / 2)]!;
}

export const benchmarks = [
  {
    name: 'edition-open',
    why: 'Reading and parsing the same files is the floor of any validating load of them.',
    unit: 'ms',
    reference: 'JSON.parse of the same files',
    target: { kind: 'ratio-max', value: 2.5 },
    async run({ root }: { root: string }) {
      const dir = join(await mkdtemp(join(tmpdir(), 'ed-bench-')), 'b.edition');
      await writeSampleEdition(join(root, 'resources'), dir);
      const files = async () => [join(dir, 'edition.json'), ...(await readdir(join(dir, 'pages'))).map((f) => join(dir, 'pages', f)), ...(await readdir(join(dir, 'stories'))).map((f) => join(dir, 'stories', f))];
      const list = await files();
      const value = await median(30, async () => {
        const ed = await readEdition(dir);
        await readPages(dir, ed);
        for (const id of await listStoryIds(dir)) await readStory(dir, id);
      });
      const reference = await median(30, async () => { for (const f of list) JSON.parse(await readFile(f, 'utf8')); });
      await rm(dir, { recursive: true, force: true });
      return { value, reference };
    },
  },
  {
    name: 'sample-edition-write',
    why: 'Copying the same source files is the floor of writing the sample; ours also builds and atomically writes it.',
    unit: 'ms',
    reference: 'fs.cp of the sample resources',
    target: { kind: 'ratio-max', value: 4 },
    async run({ root }: { root: string }) {
      const base = await mkdtemp(join(tmpdir(), 'ed-bench-'));
      let i = 0;
      const value = await median(5, async () => { await writeSampleEdition(join(root, 'resources'), join(base, `w${i++}.edition`)); });
      const reference = await median(5, async () => { await cp(join(root, 'resources', 'sample'), join(base, `c${i++}`), { recursive: true }); });
      await rm(base, { recursive: true, force: true });
      return { value, reference, note: 'includes hashing and reading the size of 8 photos with sharp' };
    },
  },
];
