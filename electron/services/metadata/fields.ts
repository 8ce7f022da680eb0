// The caption fields as one source (XMP, IPTC-IIM or EXIF) states them, before the sources
// are reconciled. '' and [] mean "this source does not say".

export interface CaptionSlots {
  zh: string;
  en: string;
}

export interface SourceFields {
  caption: CaptionSlots;
  headline: string;
  creator: string;
  credit: string;
  source: string;
  copyright: string;
  dateCreated: string;
  city: string;
  sublocation: string;
  keywords: string[];
}

export type ScalarField = Exclude<keyof SourceFields, 'caption' | 'keywords'>;

export const SCALAR_FIELDS: readonly ScalarField[] = [
  'headline', 'creator', 'credit', 'source', 'copyright', 'dateCreated', 'city', 'sublocation',
];

export function emptyFields(): SourceFields {
  return {
    caption: { zh: '', en: '' }, headline: '', creator: '', credit: '', source: '', copyright: '',
    dateCreated: '', city: '', sublocation: '', keywords: [],
  };
}
