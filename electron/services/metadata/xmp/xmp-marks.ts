import { labelFromXmp, labelToXmp, ratingFromXmp, type ColorLabel, type PhotoMarks } from '../../../../shared/photo/marks';
import { NS } from './namespaces';
import { packetBytes, type PacketBytesOptions } from './xmp-packet';
import { childElements, descriptions, isEmptyDescription, parseXmp, rdfRoot, removeWithIndent, serializeXmp, XmpParseError } from './xmp-dom';

// Rating and colour label in the XMP Basic schema (XMP Spec Part 2 §8.4): xmp:Rating and
// xmp:Label, where Bridge, Lightroom and Photo Mechanic write and read them. Kept apart from
// the caption merge (xmp-write.ts): each merge owns its properties and keeps every other
// one, so a caption write never loses a pick and a pick never touches a caption.

/** The XMP Basic namespace ("xap" is its historical name). */
export const XMP_BASIC = 'http://ns.adobe.com/xap/1.0/';

const SKELETON =
  `<x:xmpmeta xmlns:x="${NS.x}" x:xmptk="Edition Desk">\n <rdf:RDF xmlns:rdf="${NS.rdf}">\n </rdf:RDF>\n</x:xmpmeta>`;

function readProp(descs: Element[], local: string): string | null {
  for (const d of descs) {
    if (d.hasAttributeNS(XMP_BASIC, local)) return d.getAttributeNS(XMP_BASIC, local);
    for (const el of childElements(d)) if (el.namespaceURI === XMP_BASIC && el.localName === local) return el.textContent ?? '';
  }
  return null;
}

/** The marks a packet states; null where it says nothing. Never throws on a damaged packet. */
export function readXmpMarks(text: string | null): { rating: number | null; label: ColorLabel | null } {
  if (!text) return { rating: null, label: null };
  try {
    const rdf = rdfRoot(parseXmp(text, false));
    if (!rdf) return { rating: null, label: null };
    const descs = descriptions(rdf);
    const rating = readProp(descs, 'Rating');
    const label = readProp(descs, 'Label');
    return { rating: rating === null ? null : ratingFromXmp(rating), label: label === null ? null : labelFromXmp(label) };
  } catch {
    return { rating: null, label: null };
  }
}

/**
 * Sets the given marks in a packet (or a new one) and keeps everything else. Only the marks
 * passed are touched: setting a rating leaves a label the desk does not know (Bridge's
 * "Approved", say) in the file. Rating 0 and label none remove the property, as Bridge does.
 * A packet that does not parse is never replaced (XmpParseError).
 */
export function mergeXmpMarks(existing: string | null, marks: PhotoMarks, opts: PacketBytesOptions): Buffer {
  const doc = parseXmp(existing ?? SKELETON, true);
  const rdf = rdfRoot(doc);
  if (!rdf) throw new XmpParseError('XMP has no rdf:RDF element; refusing to replace it');
  const descs = descriptions(rdf);
  const about = descs[0]?.getAttributeNS(NS.rdf, 'about') ?? '';
  const keep = {
    Rating: marks.rating === undefined ? readProp(descs, 'Rating') : marks.rating > 0 ? String(marks.rating) : null,
    Label: marks.label === undefined ? readProp(descs, 'Label') : labelToXmp(marks.label) || null,
  };
  for (const d of descs) {
    for (const local of ['Rating', 'Label'] as const) {
      if (d.hasAttributeNS(XMP_BASIC, local)) d.removeAttributeNS(XMP_BASIC, local);
      for (const el of childElements(d)) if (el.namespaceURI === XMP_BASIC && el.localName === local) removeWithIndent(el);
    }
    if (isEmptyDescription(d)) removeWithIndent(d);
  }
  if (keep.Rating !== null || keep.Label !== null) {
    const desc = doc.createElementNS(NS.rdf, 'rdf:Description');
    desc.setAttributeNS(NS.rdf, 'rdf:about', about);
    desc.setAttributeNS(NS.xmlns, 'xmlns:xmp', XMP_BASIC);
    for (const local of ['Rating', 'Label'] as const) {
      const value = keep[local];
      if (value === null) continue;
      const el = doc.createElementNS(XMP_BASIC, `xmp:${local}`);
      el.appendChild(doc.createTextNode(value));
      desc.appendChild(doc.createTextNode('\n   '));
      desc.appendChild(el);
    }
    desc.appendChild(doc.createTextNode('\n  '));
    const last = rdf.lastChild;
    const trailingIndent = last && last.nodeType === 3 && !last.nodeValue?.trim() ? last : null;
    rdf.insertBefore(doc.createTextNode('\n  '), trailingIndent);
    rdf.insertBefore(desc, trailingIndent);
    if (!trailingIndent) rdf.appendChild(doc.createTextNode('\n '));
  }
  return packetBytes(serializeXmp(doc.documentElement!), opts);
}
