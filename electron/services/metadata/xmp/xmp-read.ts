import { emptyFields, type CaptionSlots, type SourceFields } from '../fields';
import { captionFromSingle, clean, cleanList, hasCjk, joinNames } from '../text';
import { NS } from './namespaces';
import { childElements, descriptions, langOf, parseXmp, rdfRoot } from './xmp-dom';

// Reads the caption fields from an XMP packet. The property names follow the IPTC Photo
// Metadata Standard (Description = dc:description, Headline = photoshop:Headline, …).

interface AltItem {
  lang: string;
  value: string;
}

type PropValue = { kind: 'simple'; value: string } | { kind: 'array'; items: AltItem[] };

export interface XmpFacts {
  fields: SourceFields;
  /** Caption text from items with an explicit zh-… or en-… xml:lang (not x-default). */
  explicitCaption: CaptionSlots;
  lens: string;
  /** exif:DateTimeOriginal, for files whose EXIF block cannot be read. */
  dateTimeOriginal: string;
  /** editiondesk:ExifDigest, see exif/exif-digest.ts. */
  exifDigest: string | null;
  /** lr:hierarchicalSubject (XMP only: IPTC-IIM has no keyword paths). */
  hierarchical: string[];
}

function findProp(descs: Element[], ns: string, local: string): PropValue | null {
  for (const d of descs) {
    if (d.hasAttributeNS(ns, local)) return { kind: 'simple', value: d.getAttributeNS(ns, local) ?? '' };
    for (const el of childElements(d)) {
      if (el.namespaceURI !== ns || el.localName !== local) continue;
      const container = childElements(el).find((c) => c.namespaceURI === NS.rdf && ['Alt', 'Bag', 'Seq'].includes(c.localName ?? ''));
      if (!container) return { kind: 'simple', value: el.textContent ?? '' };
      const items = childElements(container)
        .filter((li) => li.namespaceURI === NS.rdf && li.localName === 'li')
        .map((li) => ({ lang: langOf(li), value: clean(li.textContent) }));
      return { kind: 'array', items };
    }
  }
  return null;
}

const simple = (p: PropValue | null): string => (!p ? '' : p.kind === 'simple' ? clean(p.value) : p.items.find((i) => i.value)?.value ?? '');
const list = (p: PropValue | null): string[] => (!p ? [] : p.kind === 'simple' ? cleanList([p.value]) : cleanList(p.items.map((i) => i.value)));

/** rdf:Alt text: the x-default item, else the first non-empty one (XMP Spec Part 1 §8.2.2.4). */
function altDefault(p: PropValue | null): string {
  if (!p || p.kind === 'simple') return simple(p);
  return p.items.find((i) => i.lang === 'x-default' && i.value)?.value ?? p.items.find((i) => i.value)?.value ?? '';
}

/**
 * dc:description → the two caption slots. zh comes from a zh* item (zh-CN first), en from an
 * en* item. The x-default item fills whichever slot is still empty and matches its script:
 * Chinese text → zh, anything else → en. A lone non-CJK x-default is therefore the English
 * caption: a foreign wire caption lands where the English editor looks, and the Chinese slot
 * stays empty for the Chinese editor. Items in other languages are used only when nothing
 * else is there, by the same script test.
 */
export function captionFromAlt(p: PropValue | null): { slots: CaptionSlots; explicit: CaptionSlots } {
  if (!p) return { slots: { zh: '', en: '' }, explicit: { zh: '', en: '' } };
  if (p.kind === 'simple') return { slots: captionFromSingle(p.value), explicit: { zh: '', en: '' } };
  const items = p.items.filter((i) => i.value);
  const byLang = (test: (l: string) => boolean) => items.find((i) => test(i.lang))?.value ?? '';
  const explicit = {
    zh: byLang((l) => l === 'zh-cn') || byLang((l) => l === 'zh-hans' || l.startsWith('zh-hans')) || byLang((l) => l === 'zh' || l.startsWith('zh-')),
    en: byLang((l) => l === 'en' || l.startsWith('en-')),
  };
  const slots = { ...explicit };
  const xdef = byLang((l) => l === 'x-default' || l === '');
  if (xdef) {
    if (hasCjk(xdef)) slots.zh ||= xdef;
    else slots.en ||= xdef;
  }
  if (!slots.zh && !slots.en) {
    for (const i of items) {
      if (hasCjk(i.value)) slots.zh ||= i.value;
      else slots.en ||= i.value;
    }
  }
  return { slots, explicit };
}

export function readXmp(text: string, warnings: string[]): XmpFacts | null {
  const doc = parseXmp(text, false, warnings);
  const rdf = rdfRoot(doc);
  if (!rdf) {
    warnings.push('XMP: no rdf:RDF element');
    return null;
  }
  const descs = descriptions(rdf);
  const get = (ns: string, local: string) => findProp(descs, ns, local);
  const fields = emptyFields();
  const caption = captionFromAlt(get(NS.dc, 'description'));
  fields.caption = caption.slots;
  fields.headline = simple(get(NS.photoshop, 'Headline'));
  fields.creator = joinNames(list(get(NS.dc, 'creator')));
  fields.credit = simple(get(NS.photoshop, 'Credit'));
  fields.source = simple(get(NS.photoshop, 'Source'));
  fields.copyright = altDefault(get(NS.dc, 'rights'));
  fields.dateCreated = simple(get(NS.photoshop, 'DateCreated'));
  fields.city = simple(get(NS.photoshop, 'City'));
  fields.sublocation = simple(get(NS.Iptc4xmpCore, 'Location'));
  fields.keywords = list(get(NS.dc, 'subject'));
  return {
    fields,
    explicitCaption: caption.explicit,
    lens: simple(get(NS.exifEX, 'LensModel')) || simple(get(NS.aux, 'Lens')),
    dateTimeOriginal: simple(get(NS.exif, 'DateTimeOriginal')),
    exifDigest: simple(get(NS.editiondesk, 'ExifDigest')) || null,
    hierarchical: list(get(NS.lr, 'hierarchicalSubject')),
  };
}
