import { execFile } from 'node:child_process';
import sharp from 'sharp';
import { appError } from '../../../shared/contract/messages';
import type { ProofRegion } from '../../../shared/proof-rounds/rounds';

// The picture diff of two proofs of a page: both PDFs rendered by poppler's pdftoppm (an
// independent renderer, not the one that printed them), cut to the trim (the slug line
// outside it always differs: time, round), compared pixel by pixel in grey with sharp,
// and the changed pixels gathered into rectangles that are outlined in red on the later
// round's render. Pixels are grouped in cells, and cells near each other joined, so an
// edited paragraph is one box rather than a box per glyph.

export const DIFF_DPI = 60;
/** Grey levels (0–255) two renders may differ by before a pixel counts as changed: anti-aliasing stays below. */
const THRESHOLD = 48;
const CELL = 6;
/** Changed cells this many cells apart are one region (about 5 mm at 60 dpi: a paragraph's lines join, columns do not). */
const JOIN = 2;

function pdftoppm(pdf: string, dpi: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', pdf], { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(appError('PROOF_RENDER_FAILED', `pdftoppm ${pdf}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not installed' : String(stderr).split('\n')[0] || err.message}`));
      else resolve(stdout);
    });
  });
}

export interface PictureDiffInput {
  fromPdf: string;
  toPdf: string;
  /** The trim inside the PDF page: the slug around it, and its size, in mm. */
  slugMm: number;
  widthMm: number;
  heightMm: number;
}

export interface PictureDiff {
  regions: ProofRegion[];
  changedFraction: number;
  png: Buffer;
}

interface Box { x0: number; y0: number; x1: number; y1: number }

/** Rectangles around the groups of changed cells (8-connected after joining cells up to JOIN apart). */
export function changedBoxes(changed: Uint8Array, cols: number, rows: number): Box[] {
  const seen = new Uint8Array(cols * rows);
  const boxes: Box[] = [];
  for (let start = 0; start < changed.length; start++) {
    if (!changed[start] || seen[start]) continue;
    const stack = [start];
    seen[start] = 1;
    const box = { x0: cols, y0: rows, x1: -1, y1: -1 };
    while (stack.length) {
      const c = stack.pop()!;
      const cx = c % cols;
      const cy = (c - cx) / cols;
      box.x0 = Math.min(box.x0, cx); box.y0 = Math.min(box.y0, cy); box.x1 = Math.max(box.x1, cx); box.y1 = Math.max(box.y1, cy);
      for (let dy = -JOIN; dy <= JOIN; dy++) {
        for (let dx = -JOIN; dx <= JOIN; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const n = ny * cols + nx;
          if (changed[n] && !seen[n]) { seen[n] = 1; stack.push(n); }
        }
      }
    }
    boxes.push(box);
  }
  return boxes;
}

async function trimGrey(png: Buffer, left: number, top: number, width: number, height: number): Promise<{ grey: Buffer; colour: sharp.Sharp }> {
  const meta = await sharp(png).metadata();
  const w = Math.min(width, (meta.width ?? 0) - left);
  const h = Math.min(height, (meta.height ?? 0) - top);
  const cut = sharp(png).extract({ left, top, width: w, height: h }).extend({ right: width - w, bottom: height - h, background: '#fff' });
  const grey = await cut.clone().greyscale().raw().toBuffer();
  return { grey, colour: cut };
}

export async function pictureDiff(input: PictureDiffInput): Promise<PictureDiff> {
  const px = (mm: number) => Math.round((mm / 25.4) * DIFF_DPI);
  const [a, b] = await Promise.all([pdftoppm(input.fromPdf, DIFF_DPI), pdftoppm(input.toPdf, DIFF_DPI)]);
  const left = px(input.slugMm);
  const width = px(input.widthMm);
  const height = px(input.heightMm);
  const from = await trimGrey(a, left, left, width, height);
  const to = await trimGrey(b, left, left, width, height);
  const cols = Math.ceil(width / CELL);
  const rows = Math.ceil(height / CELL);
  const cells = new Uint8Array(cols * rows);
  let changedPixels = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (Math.abs(from.grey[i]! - to.grey[i]!) > THRESHOLD) {
        changedPixels++;
        cells[Math.floor(y / CELL) * cols + Math.floor(x / CELL)] = 1;
      }
    }
  }
  const mmPerPx = 25.4 / DIFF_DPI;
  const boxes = changedBoxes(cells, cols, rows).map((c) => {
    const x = c.x0 * CELL;
    const y = c.y0 * CELL;
    return { x, y, w: Math.min(width, (c.x1 + 1) * CELL) - x, h: Math.min(height, (c.y1 + 1) * CELL) - y };
  });
  const pad = 3;
  const rects = boxes.map((r) => `<rect x="${r.x - pad}" y="${r.y - pad}" width="${r.w + 2 * pad}" height="${r.h + 2 * pad}" fill="rgba(230,0,0,0.08)" stroke="#e00000" stroke-width="3"/>`).join('');
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rects}</svg>`);
  const png = await sharp(await to.colour.png().toBuffer()).composite([{ input: svg, left: 0, top: 0 }]).png({ compressionLevel: 8 }).toBuffer();
  return {
    regions: boxes.map((r) => ({ xMm: r.x * mmPerPx, yMm: r.y * mmPerPx, wMm: r.w * mmPerPx, hMm: r.h * mmPerPx })),
    changedFraction: changedPixels / (width * height),
    png,
  };
}
