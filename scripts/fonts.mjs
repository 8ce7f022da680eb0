// Puts the bundled type into resources/fonts: the woff2 slices of the pinned font
// packages (OFL), one fonts.css with their @font-face rules, the licences, and
// coverage.json (which code points each family really has, read from the fonts' own
// cmap tables) for the preflight's missing-glyph check. The bytes come from the exact
// package versions in package-lock.json, so every desk prints with the same type.
// Runs from build.mjs; does nothing when resources/fonts is already up to date.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { punctFaces } from './fonts-punct.mjs';
import { brotliDecompressSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'resources', 'fonts');

// Family → package and the weights we print with. Song/serif for body, Hei/sans for
// heads, Kai for captions; each carries its own proportional Latin.
export const FONT_SOURCES = [
  { family: 'Noto Serif SC', pkg: '@fontsource/noto-serif-sc', css: ['400.css', '700.css'], license: 'LICENSE' },
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', css: ['400.css', '700.css', '900.css'], license: 'LICENSE' },
  { family: 'LXGW WenKai', pkg: 'lxgw-wenkai-webfont', css: ['lxgwwenkai-regular.css'], license: 'OFL.txt' },
];

const pkgDir = (pkg) => join(root, 'node_modules', pkg);
const version = (pkg) => JSON.parse(readFileSync(join(pkgDir(pkg), 'package.json'), 'utf8')).version;
const stamp = FONT_SOURCES.map((s) => `${s.pkg}@${version(s.pkg)}:${s.css.join(',')}`).join('\n') + '\nformat 3\n';

function readUIntBase128(buf, pos) {
  let v = 0;
  for (let i = 0; i < 5; i++) {
    const b = buf[pos.at++];
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) return v;
  }
  throw new Error('bad UIntBase128');
}

/** The cmap table of a WOFF2 file (cmap is never transformed, so it sits in the stream as is). */
function woff2Cmap(buf) {
  if (buf.toString('latin1', 0, 4) !== 'wOF2') throw new Error('not woff2');
  const numTables = buf.readUInt16BE(12);
  const compressed = buf.readUInt32BE(20);
  const pos = { at: 48 };
  const tables = [];
  for (let i = 0; i < numTables; i++) {
    const flags = buf[pos.at++];
    const tagIndex = flags & 0x3f;
    const xform = flags >> 6;
    let tag = tagIndex;
    if (tagIndex === 63) { tag = buf.toString('latin1', pos.at, pos.at + 4); pos.at += 4; }
    const origLength = readUIntBase128(buf, pos);
    // glyf (10) and loca (11) are transformed at version 0; hmtx (3) at version 1.
    const transformed = (tagIndex === 10 || tagIndex === 11) ? xform !== 3 : xform !== 0;
    const length = transformed ? readUIntBase128(buf, pos) : origLength;
    tables.push({ tag, length });
  }
  const stream = brotliDecompressSync(buf.subarray(pos.at, pos.at + compressed));
  let off = 0;
  for (const t of tables) {
    if (t.tag === 0) return stream.subarray(off, off + t.length);
    off += t.length;
  }
  return null;
}

/** Code points that map to a real glyph, from format 12 or format 4 subtables. */
function cmapCodePoints(cmap, into) {
  const n = cmap.readUInt16BE(2);
  const subs = [];
  for (let i = 0; i < n; i++) subs.push({ pid: cmap.readUInt16BE(4 + i * 8), eid: cmap.readUInt16BE(6 + i * 8), off: cmap.readUInt32BE(8 + i * 8) });
  const pick = subs.find((s) => cmap.readUInt16BE(s.off) === 12) ?? subs.find((s) => cmap.readUInt16BE(s.off) === 4);
  if (!pick) return;
  const o = pick.off;
  if (cmap.readUInt16BE(o) === 12) {
    const groups = cmap.readUInt32BE(o + 12);
    for (let g = 0; g < groups; g++) {
      const start = cmap.readUInt32BE(o + 16 + g * 12), end = cmap.readUInt32BE(o + 20 + g * 12);
      for (let c = start; c <= end; c++) into.add(c);
    }
    return;
  }
  const segX2 = cmap.readUInt16BE(o + 6);
  const ends = o + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
  for (let s = 0; s < segX2; s += 2) {
    const end = cmap.readUInt16BE(ends + s), start = cmap.readUInt16BE(starts + s);
    const delta = cmap.readInt16BE(deltas + s), ro = cmap.readUInt16BE(ranges + s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let gid;
      if (ro === 0) gid = (c + delta) & 0xffff;
      else {
        const g = cmap.readUInt16BE(ranges + s + ro + (c - start) * 2);
        gid = g === 0 ? 0 : (g + delta) & 0xffff;
      }
      if (gid !== 0) into.add(c);
    }
  }
}

function toRanges(set) {
  const cps = [...set].sort((a, b) => a - b);
  const out = [];
  for (const c of cps) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c; else out.push([c, c]);
  }
  return out;
}

export function buildFonts() {
  if (existsSync(join(out, 'STAMP')) && readFileSync(join(out, 'STAMP'), 'utf8') === stamp) return false;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'files'), { recursive: true });
  mkdirSync(join(out, 'LICENSES'), { recursive: true });
  const css = ['/* Generated by scripts/fonts.mjs from pinned packages; do not edit. */'];
  const coverage = {};
  const faces = [];
  for (const src of FONT_SOURCES) {
    const dir = pkgDir(src.pkg);
    copyFileSync(join(dir, src.license), join(out, 'LICENSES', `${src.family.replace(/ /g, '-')}.txt`));
    const cps = new Set();
    src.css.forEach((file, i) => {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/@font-face\s*{([^}]*)}/g)) {
        const body = m[1];
        const url = /url\(['"]?\.\/files\/([^'")]+\.woff2)['"]?\)/.exec(body)?.[1];
        const weight = /font-weight:\s*(\d+)/.exec(body)?.[1];
        const range = /unicode-range:\s*([^;]+);?/.exec(body)?.[1]?.trim();
        if (!url || !weight) continue;
        copyFileSync(join(dir, 'files', url), join(out, 'files', basename(url)));
        // font-display: block — a page is measured and printed only with its real type.
        faces.push({ family: src.family, weight: Number(weight), file: basename(url), range });
        css.push(`@font-face{font-family:'${src.family}';font-style:normal;font-weight:${weight};font-display:block;src:url(./files/${basename(url)}) format('woff2');${range ? `unicode-range:${range};` : ''}}`);
        if (i === 0) {
          const cmap = woff2Cmap(readFileSync(join(dir, 'files', url)));
          if (cmap) cmapCodePoints(cmap, cps);
        }
      }
    });
    coverage[src.family] = toRanges(cps);
  }
  css.push(...punctFaces(faces));
  writeFileSync(join(out, 'fonts.css'), css.join('\n') + '\n');
  writeFileSync(join(out, 'coverage.json'), JSON.stringify(coverage));
  writeFileSync(join(out, 'STAMP'), stamp);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(buildFonts() ? 'fonts: resources/fonts written' : 'fonts: up to date');
}
