import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { stripTrailingNuls } from '../text';
import { NS } from './namespaces';

// XMP packets as DOM (RDF/XML per XMP Spec Part 1 §7.9). @xmldom/xmldom decodes entities and
// numeric character references properly, which exifr's XMP reader does not.

export class XmpParseError extends Error {}

/** Parses a packet; `strict` turns every parser complaint into an error (used before writing). */
export function parseXmp(text: string, strict: boolean, warnings: string[] = []): Document {
  const problems: string[] = [];
  const note = (level: string) => (msg: unknown) => problems.push(`${level}: ${String(msg).split('\n')[0]}`);
  // Writers pad packets with NULs or garbage after the trailer; XML stops at the root's end.
  const body = stripTrailingNuls(text.replace(/^\uFEFF/u, ''));
  let doc: Document;
  try {
    doc = new DOMParser({ errorHandler: { warning: () => {}, error: note('error'), fatalError: note('fatal') } })
      .parseFromString(body, 'text/xml') as unknown as Document;
  } catch (e) {
    throw new XmpParseError(`XMP is not well-formed XML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!doc || !doc.documentElement) throw new XmpParseError('XMP has no root element');
  if (problems.length) {
    if (strict) throw new XmpParseError(`XMP is not well-formed XML (${problems[0]})`);
    warnings.push(`XMP: ${problems[0]}`);
  }
  return doc;
}

export function rdfRoot(doc: Document): Element | null {
  return doc.getElementsByTagNameNS(NS.rdf, 'RDF')[0] ?? null;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function descriptions(rdf: Element): Element[] {
  return childElements(rdf).filter((e) => e.namespaceURI === NS.rdf && e.localName === 'Description');
}

export function langOf(el: Element): string {
  return (el.getAttributeNS(NS.xml, 'lang') || el.getAttribute('xml:lang') || '').toLowerCase();
}

export function serializeXmp(node: Node): string {
  return new XMLSerializer().serializeToString(node as never);
}

/** A description with no properties left (only namespaces and rdf:about). */
export function isEmptyDescription(d: Element): boolean {
  if (childElements(d).length) return false;
  for (let i = 0; i < d.attributes.length; i++) {
    const a = d.attributes.item(i)!;
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:') || (a.namespaceURI === NS.rdf && a.localName === 'about')) continue;
    return false;
  }
  return true;
}

/** Removes an element and the indentation before it, so repeated writes give identical bytes. */
export function removeWithIndent(el: Element): void {
  const prev = el.previousSibling;
  if (prev && prev.nodeType === 3 && !prev.nodeValue?.trim()) prev.parentNode?.removeChild(prev);
  el.parentNode?.removeChild(el);
}
