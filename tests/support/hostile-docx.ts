import { strToU8, zipSync, type Zippable } from 'fflate';

// Hostile .docx packages, made at test time (issue 11, items 5–7): the import budget, the
// XML depth limit, odd w:sym values, zips that are not documents. Shared by the unit
// tests and the fuzz suite; seeded so a failure reproduces.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>';
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;

export const docXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`;
export const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

export function docx(body: string, extra: Zippable = {}, level: 0 | 1 | 6 = 6): Uint8Array {
  return zipSync({ '[Content_Types].xml': strToU8(TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(docXml(body)), ...extra }, { level });
}

/** A small deterministic PRNG (mulberry32): the same seed, the same files. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HostileDocx {
  name: string;
  bytes: Uint8Array;
  /** null: imports; else the error code it must fail with. */
  expect: string | null;
}

const nest = (tag: string, n: number, inner: string) => `${`<w:${tag}>`.repeat(n)}${inner}${`</w:${tag}>`.repeat(n)}`;

/** The named cases of the issue plus seeded variations: `count` packages in all. */
export function hostileDocxSet(count = 50, seed = 11): HostileDocx[] {
  const out: HostileDocx[] = [
    { name: 'sym-ffffffff.docx', bytes: docx(`<w:p><w:r><w:sym w:font="Wingdings" w:char="FFFFFFFF"/><w:t>x</w:t></w:r></w:p>`), expect: null },
    { name: 'sym-surrogate.docx', bytes: docx(`<w:p><w:r><w:sym w:char="D800"/><w:sym w:char="zz"/><w:sym w:char=""/><w:t>x</w:t></w:r></w:p>`), expect: null },
    { name: 'ins-10000.docx', bytes: docx(`<w:p>${nest('ins', 10_000, '<w:r><w:t>deep</w:t></w:r>')}</w:p>`), expect: 'IMPORT_TOO_DEEP' },
    { name: 'body-ins-100000.docx', bytes: docx(nest('ins', 100_000, para('deeper')), {}, 1), expect: 'IMPORT_TOO_DEEP' },
    { name: 'paragraphs-300000.docx', bytes: docx('<w:p/>'.repeat(300_000), {}, 6), expect: 'IMPORT_TOO_LARGE' },
    { name: 'not-a-zip.docx', bytes: strToU8('PK\x03\x04 but not really a zip'), expect: 'DOCX_UNREADABLE' },
    { name: 'empty-zip.docx', bytes: zipSync({}), expect: 'DOCX_UNREADABLE' },
    { name: 'no-body.docx', bytes: zipSync({ '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(`<w:document xmlns:w="${W}"/>`) }), expect: 'DOCX_UNREADABLE' },
    { name: 'entity-bomb.docx', bytes: zipSync({ '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&c;&c;&c;</w:t></w:r></w:p></w:body></w:document>`) }), expect: 'ANY' },
    { name: 'unused-parts.docx', bytes: docx(para('只读正文'), Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`customXml/item${i}.xml`, new Uint8Array(2 * 1024 * 1024)]))), expect: null },
  ];
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chars = ['沁源', '<', '&amp;', '\u200b', '𠀀', ']]>', '"', 'PM<w:vertAlign/>', '\t'];
  while (out.length < count) {
    const k = out.length;
    const kind = pick(['deep', 'sym', 'text', 'truncated', 'flipped', 'tables'] as const);
    if (kind === 'deep') {
      const n = 200 + Math.floor(rand() * 2000);
      out.push({ name: `${k}-deep-${n}.docx`, bytes: docx(`<w:p>${nest(pick(['ins', 'smartTag', 'customXml', 'hyperlink']), n, '<w:r><w:t>x</w:t></w:r>')}</w:p>`), expect: n > 255 ? 'IMPORT_TOO_DEEP' : null });
    } else if (kind === 'sym') {
      const hex = Math.floor(rand() * 0xffffffff).toString(16).toUpperCase();
      out.push({ name: `${k}-sym-${hex}.docx`, bytes: docx(`<w:p><w:r><w:sym w:char="${hex}"/><w:t>s</w:t></w:r></w:p>`), expect: null });
    } else if (kind === 'text') {
      const body = Array.from({ length: 1 + Math.floor(rand() * 50) }, () => para(Array.from({ length: 5 }, () => pick(chars).replace('<', '&lt;').replace(']]>', ']]&gt;').replace('"', '&quot;').replace('PM<w:vertAlign/>', 'PM')).join(''))).join('');
      out.push({ name: `${k}-text.docx`, bytes: docx(body), expect: null });
    } else if (kind === 'truncated') {
      const full = docx(para('截断的文件'.repeat(50)));
      out.push({ name: `${k}-truncated.docx`, bytes: full.subarray(0, 8 + Math.floor((full.length - 16) * rand())), expect: 'DOCX_UNREADABLE' });
    } else if (kind === 'flipped') {
      const b = Uint8Array.from(docx(para('翻转的字节'.repeat(20))));
      for (let f = 0; f < 1 + Math.floor(rand() * 8); f++) { const i = Math.floor(rand() * b.length); b[i] = b[i]! ^ (1 << Math.floor(rand() * 8)); }
      out.push({ name: `${k}-flipped.docx`, bytes: b, expect: 'ANY' });
    } else {
      const n = 1 + Math.floor(rand() * 30);
      out.push({ name: `${k}-tables-${n}.docx`, bytes: docx(nest('tbl', 1, `<w:tr>${`<w:tc>${para('格')}</w:tc>`.repeat(n)}</w:tr>`)), expect: null });
    }
  }
  return out;
}
