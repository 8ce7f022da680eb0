import { mkdir } from 'node:fs/promises';
import { join, parse } from 'node:path';
import sharp from 'sharp';
import { AppError, type AppErrorData } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { writeFileAtomic } from '../atomic-write';
import { writeCaptionMeta } from '../metadata';
import { MAX_PIXELS } from './previews';
import { decodableFile } from '../raw/decodable';
import type { LibraryStore } from './store';

// Copies for layout or the web: resized to a long edge, sRGB JPEG, an optional watermark,
// and the caption fields written back in (XMP), so the copy carries its caption too.

export interface ExportOptions {
  longEdge: number;
  quality: number;
  watermark: string;
}

export interface ExportResult {
  folder: string;
  written: { id: string; file: string }[];
  failed: { id: string; error: AppErrorData }[];
}

function escapeXml(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

function watermarkSvg(text: string, width: number, height: number): Buffer {
  const size = Math.max(14, Math.round(Math.min(width, height) * 0.035));
  const pad = Math.round(size * 0.8);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<text x="${width - pad}" y="${height - pad}" text-anchor="end" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif" font-size="${size}" ` +
      `fill="#ffffff" fill-opacity="0.75" stroke="#000000" stroke-opacity="0.35" stroke-width="${Math.max(1, size / 20)}">${escapeXml(text)}</text></svg>`,
  );
}

export async function exportPhotos(store: LibraryStore, ids: string[], opts: ExportOptions, folder: string): Promise<ExportResult> {
  await mkdir(folder, { recursive: true });
  const result: ExportResult = { folder, written: [], failed: [] };
  const used = new Set<string>();
  for (const id of ids) {
    try {
      const p = await store.get(id);
      if (!p) throw appError('NOT_FOUND', id);
      let img = sharp(await decodableFile(await store.resolveFile(p)), { limitInputPixels: MAX_PIXELS, failOn: 'truncated' })
        .rotate()
        .resize({ width: opts.longEdge, height: opts.longEdge, fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb');
      if (opts.watermark.trim()) {
        const { data, info } = await img.toBuffer({ resolveWithObject: true });
        img = sharp(data).composite([{ input: watermarkSvg(opts.watermark.trim(), info.width, info.height), top: 0, left: 0 }]);
      }
      const out = await img.jpeg({ quality: opts.quality, chromaSubsampling: '4:2:0' }).toBuffer();
      let name = `${parse(p.fileName).name}_${opts.longEdge}.jpg`;
      for (let n = 2; used.has(name); n++) name = `${parse(p.fileName).name}_${opts.longEdge}-${n}.jpg`;
      used.add(name);
      const target = join(folder, name);
      await writeFileAtomic(target, out);
      await writeCaptionMeta(target, p.meta);
      result.written.push({ id, file: target });
    } catch (e) {
      const err = e instanceof AppError ? e : appError('IO_ERROR', `${id}: ${(e as Error).message}`);
      result.failed.push({ id, error: err.toData() });
    }
  }
  return result;
}
