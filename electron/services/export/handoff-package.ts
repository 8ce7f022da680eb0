import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Edition, Page, Story } from '../../../shared/document/schema';
import { captionsCsv, type CaptionRow } from '../../../shared/export/captions-csv';
import { readFileInside } from '../safe-path';
import { writeCaptionMeta } from '../metadata';
import { renderCopy } from '../copy/story-copy';

// The handoff package (交付包): one zip with the print PDF, the page images, every story of
// the pages as .docx and Markdown, the edition's photos at full size with their captions
// written in (on a copy; the edition's own files are never touched), and captions.csv.
// Written as a stream: one photo is in memory at a time, and compressed files (JPEG, PNG,
// PDF) are stored, not deflated again.

export interface PackageInput {
  /** The edition folder. */
  dir: string;
  edition: Edition;
  pages: Page[];
  stories: Story[];
  pdf: { name: string; bytes: Uint8Array } | null;
  images: { name: string; bytes: Uint8Array }[];
}

class ZipFileWriter {
  private readonly zip: Zip;
  private readonly out;
  private failed: Error | null = null;
  private readonly finished: Promise<void>;

  constructor(target: string) {
    this.out = createWriteStream(target, { flags: 'wx' });
    let done!: () => void;
    let fail!: (e: Error) => void;
    this.finished = new Promise<void>((ok, no) => { done = ok; fail = no; });
    this.out.on('error', (e) => { this.failed = e; fail(e); });
    this.zip = new Zip((err, chunk, final) => {
      if (err) { this.failed = err; fail(err); return; }
      this.out.write(chunk);
      if (final) this.out.end(() => done());
    });
  }

  /** Adds a file; waits for the stream to drain, so big photos do not pile up in memory. */
  async add(name: string, data: Uint8Array, compress: boolean): Promise<void> {
    if (this.failed) throw this.failed;
    const entry = compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    // Made on Unix, a regular file rw-r--r--: Info-ZIP's unzip reads the name of an entry
    // made on MS-DOS (the default) as code page 437 even with the UTF-8 flag set, which
    // garbles Chinese names (20260226-第01版.png); on Unix it takes the flag.
    entry.os = 3;
    entry.attrs = (0o100644 << 16) >>> 0;
    this.zip.add(entry);
    entry.push(data, true);
    if (this.out.writableNeedDrain) await new Promise<void>((ok) => this.out.once('drain', () => ok()));
  }

  async end(): Promise<void> {
    this.zip.end();
    await this.finished;
  }
}

const safeName = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 120) || 'file';

export async function writeHandoffPackage(target: string, input: PackageInput): Promise<void> {
  const zip = new ZipFileWriter(target);
  const scratch = await mkdtemp(join(tmpdir(), 'edition-desk-package-'));
  try {
    if (input.pdf) await zip.add(input.pdf.name, input.pdf.bytes, false);
    for (const img of input.images) await zip.add(`pages/${img.name}`, img.bytes, false);

    for (const s of input.stories) {
      const base = `stories/${safeName(s.id)}`;
      for (const lang of ['zh', 'en'] as const) {
        const state = s[lang];
        if (!state) continue;
        const suffix = lang === 'zh' ? '' : '.en';
        await zip.add(`${base}${suffix}.docx`, await renderCopy(state, 'docx', lang, s.title), false);
        await zip.add(`${base}${suffix}.md`, await renderCopy(state, 'md', lang, s.title), true);
      }
    }

    const pagesOf = new Map<string, number[]>();
    for (const pg of input.pages) {
      for (const b of pg.blocks) {
        if (b.kind !== 'photo' || !b.photoId) continue;
        const list = pagesOf.get(b.photoId) ?? [];
        if (!list.includes(pg.number)) list.push(pg.number);
        pagesOf.set(b.photoId, list);
      }
    }
    const rows: CaptionRow[] = [];
    const used = new Set<string>();
    for (const p of input.edition.photos) {
      // Never follows a link into the package: an edition from elsewhere whose asset is a
      // symlink to a local file fails the package with SYMLINK_REFUSED naming the asset.
      const bytes = await readFileInside(input.dir, p.asset.file);
      let name = basename(p.asset.file);
      for (let n = 2; used.has(name); n++) name = `${n}-${basename(p.asset.file)}`;
      used.add(name);
      // The caption goes into a copy; the copy goes into the zip and away.
      const copy = join(scratch, name);
      await writeFile(copy, bytes, { flag: 'wx' });
      const { sidecar } = await writeCaptionMeta(copy, p.meta);
      await zip.add(`photos/${name}`, await readFile(copy), false);
      if (sidecar) await zip.add(`photos/${basename(sidecar)}`, await readFile(sidecar), true);
      await rm(copy, { force: true });
      rows.push({
        file: `photos/${name}`,
        page: (pagesOf.get(p.id) ?? []).join(';'),
        captionZh: p.meta.caption.zh,
        captionEn: p.meta.caption.en,
        creator: p.meta.creator,
        credit: p.meta.credit,
      });
    }
    await zip.add('captions.csv', new TextEncoder().encode(captionsCsv(rows)), true);
    await zip.end();
  } catch (e) {
    await zip.end().catch(() => {});
    await rm(target, { force: true });
    throw e;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
