import type { PhotoMeta } from '../../../shared/document/schema';

// Values from files can be longer than the desk's record allows (shared/document/schema.ts,
// PhotoMeta): cut them to fit rather than fail the import, and say so.

const MAX = { caption: 4000, headline: 500, creator: 200, credit: 300, source: 300, copyright: 500, dateCreated: 40, city: 100, sublocation: 200, keyword: 100, keywords: 200 };

export function fitSchema(m: PhotoMeta, warnings: string[]): PhotoMeta {
  const cut = (name: string, s: string, max: number) => {
    if (s.length <= max) return s;
    warnings.push(`${name} was ${s.length} characters; cut to ${max}`);
    return s.slice(0, max);
  };
  let keywords = m.keywords.map((k) => cut('keyword', k, MAX.keyword));
  if (keywords.length > MAX.keywords) {
    warnings.push(`${keywords.length} keywords; the first ${MAX.keywords} kept`);
    keywords = keywords.slice(0, MAX.keywords);
  }
  return {
    caption: { zh: cut('caption (zh)', m.caption.zh, MAX.caption), en: cut('caption (en)', m.caption.en, MAX.caption) },
    headline: cut('headline', m.headline, MAX.headline),
    creator: cut('creator', m.creator, MAX.creator),
    credit: cut('credit', m.credit, MAX.credit),
    source: cut('source', m.source, MAX.source),
    copyright: cut('copyright', m.copyright, MAX.copyright),
    dateCreated: cut('dateCreated', m.dateCreated, MAX.dateCreated),
    location: { city: cut('city', m.location.city, MAX.city), sublocation: cut('sublocation', m.location.sublocation, MAX.sublocation) },
    keywords,
    ...(m.hierarchicalKeywords ? { hierarchicalKeywords: m.hierarchicalKeywords.filter((p) => p.length <= 500).slice(0, MAX.keywords) } : {}),
  };
}
