import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { AppError } from '../../../shared/contract/errors';
import { appError } from '../../../shared/contract/messages';
import { BUDGET, checkXmlDepth, tooLarge } from './import-budget';

// A .docx as the reader needs it (ECMA-376 Part 2, Open Packaging Conventions): the zip,
// the main document part named by _rels/.rels, and the parts it relates to (styles,
// numbering, hyperlink targets). Every way a file can fail to be a docx ends here as
// DOCX_UNREADABLE with a one-line detail saying which.

export const W_NS = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main', // Strict OOXML
]);
const R_NS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const REL_TYPE = (t: string) => new RegExp(`/(officeDocument/2006|ooxml/officeDocument)/relationships/${t}$`);


export interface DocxPackage {
  document: Document;
  styles: Document | null;
  numbering: Document | null;
  /** Relationship id → external target (hyperlinks). */
  links: Map<string, string>;
}

const unreadable = (detail: string) => appError('DOCX_UNREADABLE', detail);

function decodeXml(bytes: Uint8Array): string {
  // XML 1.0 §4.3.3: UTF-8 unless a byte-order mark says UTF-16 (Word writes UTF-8).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function parseXml(bytes: Uint8Array, part: string): Document {
  const problems: string[] = [];
  const note = (msg: unknown) => problems.push(String(msg).split('\n')[0]!.replace(/^\[xmldom \w+\]\s*/, ''));
  const text = decodeXml(bytes);
  // Depth first (the reader walks recursively), then the paragraph count of the story
  // (300,000 empty paragraphs in 43 KB), both by a linear scan before any DOM is built.
  checkXmlDepth(text, part);
  const paragraphs = countParagraphs(text);
  if (paragraphs > BUDGET.blocks * 2) throw tooLarge(`${part}: ${paragraphs} paragraphs (at most ${BUDGET.blocks} per story)`);
  let doc: Document;
  try {
    doc = new DOMParser({ errorHandler: { warning: () => {}, error: note, fatalError: note } })
      .parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    throw unreadable(`${part} is not well-formed XML: ${String((e as Error).message).split('\n')[0]}`);
  }
  if (problems.length || !doc?.documentElement) throw unreadable(`${part} is not well-formed XML${problems[0] ? `: ${problems[0]}` : ''}`);
  return doc;
}

function countParagraphs(xml: string): number {
  let n = 0;
  for (let i = xml.indexOf('<w:p'); i !== -1; i = xml.indexOf('<w:p', i + 4)) {
    const c = xml.charCodeAt(i + 4);
    if (c === 0x3e || c === 0x20 || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d) n++;
  }
  return n;
}

/**
 * The zip, read lazily: the central directory is listed once and a part is inflated only
 * when the reader asks for it, so parts it never uses (customXml, media, embeddings) cost
 * nothing. Bytes inflated are summed over every part read against BUDGET.inflatedBytes,
 * using each part's declared size before inflating it.
 */
class LazyZip {
  private readonly sizes = new Map<string, number>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw unreadable('this is an old Word 97–2003 .doc file; save it as .docx first');
    }
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw unreadable('not a zip package (a .docx is a zip file)');
    this.guard(() => unzipSync(bytes, { filter: (f) => { this.sizes.set(f.name, f.originalSize); return false; } }));
  }

  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw unreadable(`damaged or truncated zip: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  get(name: string): Uint8Array | undefined {
    const size = this.sizes.get(name);
    if (size === undefined) return undefined;
    if (this.inflated + size > BUDGET.inflatedBytes) {
      throw tooLarge(`${name}: the parts read would inflate to more than ${BUDGET.inflatedBytes / 1024 / 1024} MB`);
    }
    const out = this.guard(() => unzipSync(this.bytes, { filter: (f) => f.name === name }))[name];
    this.inflated += Math.max(size, out?.length ?? 0);
    return out;
  }
}

interface Rel { id: string; type: string; target: string; external: boolean }

function readRels(files: LazyZip, name: string): Rel[] {
  const bytes = files.get(name);
  if (!bytes) return [];
  const doc = parseXml(bytes, name);
  const out: Rel[] = [];
  const list = doc.getElementsByTagNameNS('*', 'Relationship');
  for (let i = 0; i < list.length; i++) {
    const r = list.item(i)!;
    out.push({ id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', target: r.getAttribute('Target') ?? '', external: r.getAttribute('TargetMode') === 'External' });
  }
  return out;
}

/** A relationship target resolved against the folder of the part that names it. */
function resolvePart(fromDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${fromDir}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function openDocx(bytes: Uint8Array): DocxPackage {
  const files = new LazyZip(bytes);
  const main = readRels(files, '_rels/.rels').find((r) => REL_TYPE('officeDocument').test(r.type));
  const mainName = main ? resolvePart('', main.target) : 'word/document.xml';
  const mainBytes = files.get(mainName) ?? files.get('word/document.xml');
  if (!mainBytes) throw unreadable(`no ${mainName} in the package: not a Word document`);
  const document = parseXml(mainBytes, mainName);
  const root = document.documentElement;
  if (!root || root.localName !== 'document' || !W_NS.has(root.namespaceURI ?? '')) {
    throw unreadable(`${mainName} is not a WordprocessingML document`);
  }
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const rels = readRels(files, `${dir}_rels/${mainName.slice(dir.length)}.rels`);
  const part = (type: string) => {
    const r = rels.find((x) => REL_TYPE(type).test(x.type) && !x.external);
    const name = r ? resolvePart(dir, r.target) : `${dir}${type}.xml`;
    const b = files.get(name);
    return b ? parseXml(b, name) : null;
  };
  const links = new Map(rels.filter((r) => r.external).map((r) => [r.id, r.target]));
  return { document, styles: part('styles'), numbering: part('numbering'), links };
}

/** The r:id attribute of a hyperlink, in either relationship namespace. */
export function relId(el: Element): string {
  for (const ns of R_NS) {
    const v = el.getAttributeNS(ns, 'id');
    if (v) return v;
  }
  return el.getAttribute('r:id') ?? '';
}

export function isW(el: Node | null | undefined, name: string): boolean {
  return !!el && el.nodeType === 1 && (el as Element).localName === name && W_NS.has((el as Element).namespaceURI ?? '');
}

export function wChildren(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function wChild(el: Element | null | undefined, name: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) if (isW(n, name)) return n as Element;
  return null;
}

/** w:val (or another w: attribute) of an element, in whichever namespace it uses. */
export function wAttr(el: Element | null | undefined, name = 'val'): string | null {
  if (!el) return null;
  return el.getAttributeNS(el.namespaceURI, name) || el.getAttribute(`w:${name}`) || null;
}

/** An on/off property (w:b, w:i, …): present and not w:val="false|0|off". */
export function wOn(el: Element | null | undefined): boolean {
  if (!el) return false;
  const v = wAttr(el);
  return v === null || !/^(false|0|off|none)$/i.test(v);
}
