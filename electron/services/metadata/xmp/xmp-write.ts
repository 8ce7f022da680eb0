import type { PhotoMeta } from '../../../../shared/document/schema';
import { clean, cleanList, splitNames } from '../text';
import { NS, type Prefix } from './namespaces';
import { childElements, descriptions, isEmptyDescription, parseXmp, rdfRoot, removeWithIndent, serializeXmp, XmpParseError } from './xmp-dom';
import { packetBytes, type PacketBytesOptions } from './xmp-packet';

// Merges the caption fields into an XMP packet. Every property the desk does not manage is
// kept where it was (MWG 2.0 §3.3: a Changer "MUST NOT delete metadata unintentionally");
// the managed ones are removed wherever they were and written again in one rdf:Description.

const MANAGED: readonly [Prefix, string][] = [
  ['dc', 'description'], ['dc', 'creator'], ['dc', 'rights'], ['dc', 'subject'],
  ['lr', 'hierarchicalSubject'], ['photoshop', 'Headline'], ['photoshop', 'Credit'], ['photoshop', 'Source'], ['photoshop', 'City'], ['photoshop', 'DateCreated'],
  ['Iptc4xmpCore', 'Location'], ['editiondesk', 'ExifDigest'],
];

const SKELETON =
  `<x:xmpmeta xmlns:x="${NS.x}" x:xmptk="Edition Desk">\n <rdf:RDF xmlns:rdf="${NS.rdf}">\n </rdf:RDF>\n</x:xmpmeta>`;

/** Embedded (xpacket + padding) or sidecar bytes: see xmp-packet.ts. */
export type PacketOptions = PacketBytesOptions;

export interface CaptionForXmp {
  meta: PhotoMeta;
  /** Already normalised to the XMP date syntax, or ''. */
  dateCreated: string;
  exifDigest: string | null;
}

export function mergeXmp(existing: string | null, input: CaptionForXmp, opts: PacketOptions): Buffer {
  const doc = parseXmp(existing ?? SKELETON, true);
  let rdf = rdfRoot(doc);
  if (!rdf) {
    if (existing !== null) throw new XmpParseError('XMP has no rdf:RDF element; refusing to replace it');
    rdf = rdfRoot(parseXmp(SKELETON, true))!;
  }
  const about = descriptions(rdf)[0]?.getAttributeNS(NS.rdf, 'about') ?? '';
  // A record made before the desk read keyword paths has none: the file's own paths (from
  // Lightroom or PM) are then kept as they are rather than cleared.
  const managed = input.meta.hierarchicalKeywords === undefined ? MANAGED.filter(([p]) => p !== 'lr') : MANAGED;
  for (const d of descriptions(rdf)) {
    for (const [prefix, local] of managed) {
      if (d.hasAttributeNS(NS[prefix], local)) d.removeAttributeNS(NS[prefix], local);
      for (const el of childElements(d)) if (el.namespaceURI === NS[prefix] && el.localName === local) removeWithIndent(el);
    }
    if (isEmptyDescription(d)) removeWithIndent(d);
  }
  const desc = buildDescription(doc, about, input);
  if (desc) {
    const last = rdf.lastChild;
    const trailingIndent = last && last.nodeType === 3 && !last.nodeValue?.trim() ? last : null;
    rdf.insertBefore(doc.createTextNode('\n  '), trailingIndent);
    rdf.insertBefore(desc, trailingIndent);
    if (!trailingIndent) rdf.appendChild(doc.createTextNode('\n '));
  }
  const root = doc.documentElement!;
  const xml = serializeXmp(root);
  return packetBytes(xml, opts);
}

/**
 * The lr:hierarchicalSubject paths kept with the flat keywords: a path whose last level is
 * no longer a keyword was removed in the keyword field, so it goes too (Lightroom keeps the
 * two in step the same way).
 */
export function hierarchicalFor(meta: PhotoMeta): string[] {
  const flat = new Set(cleanList(meta.keywords));
  return cleanList(meta.hierarchicalKeywords ?? []).filter((p) => flat.has(p.split('|').pop()!.trim()));
}

function buildDescription(doc: Document, about: string, { meta, dateCreated, exifDigest }: CaptionForXmp): Element | null {
  const desc = doc.createElementNS(NS.rdf, 'rdf:Description');
  desc.setAttributeNS(NS.rdf, 'rdf:about', about);
  const used = new Set<Prefix>();
  const el = (prefix: Prefix, local: string) => {
    used.add(prefix);
    return doc.createElementNS(NS[prefix], `${prefix}:${local}`);
  };
  const indent = (depth: number) => doc.createTextNode(`\n${'  '.repeat(depth)}`);
  const add = (prop: Element) => {
    desc.appendChild(indent(2));
    desc.appendChild(prop);
  };
  const container = (prefix: Prefix, local: string, kind: 'Alt' | 'Bag' | 'Seq', items: { lang?: string; value: string }[]) => {
    if (!items.length) return;
    const prop = el(prefix, local);
    const c = doc.createElementNS(NS.rdf, `rdf:${kind}`);
    for (const item of items) {
      const li = doc.createElementNS(NS.rdf, 'rdf:li');
      if (item.lang) li.setAttributeNS(NS.xml, 'xml:lang', item.lang);
      li.appendChild(doc.createTextNode(item.value));
      c.appendChild(indent(4));
      c.appendChild(li);
    }
    c.appendChild(indent(3));
    prop.appendChild(indent(3));
    prop.appendChild(c);
    prop.appendChild(indent(2));
    add(prop);
  };
  const text = (prefix: Prefix, local: string, value: string) => {
    const v = clean(value);
    if (!v) return;
    const prop = el(prefix, local);
    prop.appendChild(doc.createTextNode(v));
    add(prop);
  };

  // dc:description is language alternative text (XMP Spec Part 2 §8.4): x-default first, and
  // x-default is the Chinese caption when there is one, the paper's language.
  const zh = clean(meta.caption.zh);
  const en = clean(meta.caption.en);
  const captions: { lang: string; value: string }[] = [];
  if (zh || en) captions.push({ lang: 'x-default', value: zh || en });
  if (zh) captions.push({ lang: 'zh-CN', value: zh });
  if (en) captions.push({ lang: 'en', value: en });
  container('dc', 'description', 'Alt', captions);
  container('dc', 'creator', 'Seq', splitNames(meta.creator).map((value) => ({ value })));
  const rights = clean(meta.copyright);
  container('dc', 'rights', 'Alt', rights ? [{ lang: 'x-default', value: rights }] : []);
  container('dc', 'subject', 'Bag', cleanList(meta.keywords).map((value) => ({ value })));
  if (meta.hierarchicalKeywords !== undefined) container('lr', 'hierarchicalSubject', 'Bag', hierarchicalFor(meta).map((value) => ({ value })));
  text('photoshop', 'Headline', meta.headline);
  text('photoshop', 'Credit', meta.credit);
  text('photoshop', 'Source', meta.source);
  text('photoshop', 'City', meta.location.city);
  text('photoshop', 'DateCreated', dateCreated);
  text('Iptc4xmpCore', 'Location', meta.location.sublocation);
  if (exifDigest) text('editiondesk', 'ExifDigest', exifDigest);
  if (!used.size) return null;
  for (const prefix of [...used].sort()) desc.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, NS[prefix]);
  desc.appendChild(indent(1));
  return desc;
}
