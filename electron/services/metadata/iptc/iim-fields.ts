import type { PhotoMeta } from '../../../../shared/document/schema';
import { isoToIim, iimToIsoDate } from '../date';
import { emptyFields, type SourceFields } from '../fields';
import { captionFromSingle, clean, cleanList, joinNames, splitNames, truncateUtf8 } from '../text';
import { declaresUtf8, decodeIimText, isTextDataset, serializeIim, UTF8_DESIGNATION, type IimDataset } from './iim';

// The caption fields in IPTC-IIM record 2 (IIM 4.2 §1.6; the same mapping as the IPTC Photo
// Metadata Standard's "IIM" column), and the IIM size limits ExifTool and Photo Mechanic
// respect. The XMP copy holds the full text; MWG readers prefer it when the digest matches.

const DS = {
  keywords: 25, dateCreated: 55, timeCreated: 60, byline: 80, city: 90, sublocation: 92,
  headline: 105, credit: 110, source: 115, copyright: 116, caption: 120,
} as const;

/** Maximum value sizes in bytes (IIM 4.2 §1.6). */
export const IIM_LIMIT = {
  [DS.keywords]: 64, [DS.dateCreated]: 8, [DS.timeCreated]: 11, [DS.byline]: 32, [DS.city]: 32, [DS.sublocation]: 32,
  [DS.headline]: 256, [DS.credit]: 32, [DS.source]: 32, [DS.copyright]: 128, [DS.caption]: 2000,
} as Record<number, number>;

const MANAGED = new Set<number>(Object.values(DS));

export function readIimFields(datasets: readonly IimDataset[]): SourceFields {
  const utf8 = declaresUtf8(datasets);
  const all = (n: number) => datasets.filter((d) => d.record === 2 && d.dataset === n).map((d) => clean(decodeIimText(d.value, utf8)));
  const one = (n: number) => all(n).find(Boolean) ?? '';
  const f = emptyFields();
  f.caption = captionFromSingle(one(DS.caption));
  f.headline = one(DS.headline);
  f.creator = joinNames(all(DS.byline));
  f.credit = one(DS.credit);
  f.source = one(DS.source);
  f.copyright = one(DS.copyright);
  f.dateCreated = one(DS.dateCreated) ? iimToIsoDate(one(DS.dateCreated), one(DS.timeCreated) || undefined) : '';
  f.city = one(DS.city);
  f.sublocation = one(DS.sublocation);
  f.keywords = cleanList(all(DS.keywords));
  return f;
}

/**
 * The new IIM: every dataset the desk does not manage is kept (re-encoded to UTF-8 when the
 * old block was in another charset, since 1:90 now says UTF-8), the managed ones are
 * replaced, 1:90 = ESC % G, 1:00 and 2:00 versions are present, and datasets are in record
 * and dataset order (IIM 4.2 §1.5.2).
 */
export function buildIim(old: readonly IimDataset[], meta: PhotoMeta, dateCreated: string): Buffer {
  const wasUtf8 = declaresUtf8(old);
  const out: IimDataset[] = [];
  for (const d of old) {
    if (d.record === 1 && d.dataset === 90) continue;
    if (d.record === 2 && MANAGED.has(d.dataset)) continue;
    out.push(!wasUtf8 && isTextDataset(d) ? { ...d, value: Buffer.from(decodeIimText(d.value, false), 'utf8') } : d);
  }
  out.push({ record: 1, dataset: 90, value: UTF8_DESIGNATION });
  // 1:00 ModelVersion and 2:00 RecordVersion are mandatory once a record is present (IIM 4.2 §1.6).
  if (!out.some((d) => d.record === 1 && d.dataset === 0)) out.push({ record: 1, dataset: 0, value: Buffer.from([0, 4]) });
  if (!out.some((d) => d.record === 2 && d.dataset === 0)) out.push({ record: 2, dataset: 0, value: Buffer.from([0, 4]) });
  const add = (dataset: number, text: string) => {
    const v = clean(text);
    if (v) out.push({ record: 2, dataset, value: truncateUtf8(v, IIM_LIMIT[dataset]!) });
  };
  add(DS.caption, meta.caption.zh || meta.caption.en);
  add(DS.headline, meta.headline);
  for (const name of splitNames(meta.creator)) add(DS.byline, name);
  add(DS.credit, meta.credit);
  add(DS.source, meta.source);
  add(DS.copyright, meta.copyright);
  const iimDate = dateCreated ? isoToIim(dateCreated) : null;
  if (iimDate) {
    add(DS.dateCreated, iimDate.date);
    if (iimDate.time) add(DS.timeCreated, iimDate.time);
  }
  add(DS.city, meta.location.city);
  add(DS.sublocation, meta.location.sublocation);
  for (const k of cleanList(meta.keywords)) add(DS.keywords, k);
  const order = out.map((d, i) => ({ d, i }));
  order.sort((a, b) => a.d.record - b.d.record || a.d.dataset - b.d.dataset || a.i - b.i);
  return serializeIim(order.map(({ d }) => d));
}
