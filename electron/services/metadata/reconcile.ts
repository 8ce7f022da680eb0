import type { PhotoMeta } from '../../../shared/document/schema';
import { emptyFields, SCALAR_FIELDS, type CaptionSlots, type ScalarField, type SourceFields } from './fields';
import { IIM_LIMIT } from './iptc/iim-fields';
import type { XmpFacts } from './xmp/xmp-read';
import { captionFromSingle } from './text';

// One value per field from XMP, IPTC-IIM and EXIF, following the Metadata Working Group
// "Guidelines for Handling Image Metadata" 2.0 as ExifTool's MWG module implements them
// (Image::ExifTool::MWG, the referee for MWG.jpg):
//   • XMP against IIM: XMP wins, unless the file has IIM and the Photoshop IPTCDigest is
//     stored and differs from the MD5 of the IIM now in the file — then a tool that knows
//     only IIM edited it after the XMP was written, and the IIM value wins (even an empty
//     one), except where it is just the XMP value cut to the IIM size limit.
//   • EXIF ImageDescription, Artist and Copyright: a non-blank value wins over both, unless
//     the XMP carries the desk's ExifDigest for exactly these EXIF values (see
//     exif/exif-digest.ts); then the desk wrote the XMP after seeing them and EXIF is ignored.

export interface Sources {
  xmp: XmpFacts | null;
  iim: SourceFields | null;
  /** True when an IPTCDigest is stored and no longer matches the IIM block. */
  iimEditedSinceXmp: boolean;
  exif: { description: string; artist: string; copyright: string } | null;
  exifDigest: string | null;
}

/**
 * Default ImageDescription texts cameras write instead of a caption. The list is gThumb's
 * (extensions/exiv2_tools, `useless_comment_filter`) plus the Samsung and ZTE phone default.
 */
const CAMERA_DEFAULT_DESCRIPTIONS = new Set([
  'OLYMPUS DIGITAL CAMERA', 'SONY DSC', 'KONICA MINOLTA DIGITAL CAMERA', 'MINOLTA DIGITAL CAMERA', 'binary comment',
  'Exif_JPEG_PICTURE',
]);

export function isCameraDefaultDescription(s: string): boolean {
  return CAMERA_DEFAULT_DESCRIPTIONS.has(s.trim());
}

/** ExifTool's RecoverTruncatedIPTC: IIM that is only the XMP cut at the size limit. */
function truncatedCopy(iim: string, xmp: string, limit: number): boolean {
  const n = Buffer.byteLength(iim, 'utf8');
  return !!iim && n >= limit - 3 && xmp.length > iim.length && xmp.startsWith(iim);
}

const LIMITS: Record<ScalarField, number> = {
  headline: IIM_LIMIT[105]!, creator: IIM_LIMIT[80]!, credit: IIM_LIMIT[110]!, source: IIM_LIMIT[115]!,
  copyright: IIM_LIMIT[116]!, dateCreated: 40, city: IIM_LIMIT[90]!, sublocation: IIM_LIMIT[92]!,
};

export function reconcile(s: Sources): PhotoMeta {
  const x = s.xmp?.fields ?? emptyFields();
  const i = s.iim;
  const xmpWins = (xmpHasValue: boolean) => !i || (xmpHasValue && !s.iimEditedSinceXmp);

  const scalar = {} as Record<ScalarField, string>;
  for (const f of SCALAR_FIELDS) {
    scalar[f] = xmpWins(!!x[f]) || truncatedCopy(i![f], x[f], LIMITS[f]) ? x[f] : i![f];
  }
  const keywords = xmpWins(x.keywords.length > 0) ? x.keywords
    : i!.keywords.map((k, n) => (truncatedCopy(k, x.keywords[n] ?? '', 64) ? x.keywords[n]! : k));

  let caption: CaptionSlots = x.caption;
  const xHas = !!(x.caption.zh || x.caption.en);
  if (!xmpWins(xHas)) {
    const single = i!.caption.zh || i!.caption.en;
    const xmpSingle = x.caption.zh || x.caption.en;
    if (!truncatedCopy(single, xmpSingle, IIM_LIMIT[120]!)) {
      // IIM has one caption; a translation kept under its own xml:lang in XMP still stands.
      const explicit = s.xmp?.explicitCaption ?? { zh: '', en: '' };
      caption = { zh: i!.caption.zh || (i!.caption.en ? explicit.zh : ''), en: i!.caption.en || (i!.caption.zh ? explicit.en : '') };
    }
  }

  const e = s.exif;
  const exifCounts = !!e && !(s.xmp?.exifDigest && s.xmp.exifDigest === s.exifDigest);
  if (e && exifCounts) {
    if (e.description && !isCameraDefaultDescription(e.description)) {
      const slot = captionFromSingle(e.description);
      caption = slot.zh ? { ...caption, zh: slot.zh } : { ...caption, en: slot.en };
    }
    if (e.artist) scalar.creator = e.artist;
    if (e.copyright) scalar.copyright = e.copyright;
  }

  return {
    caption: { ...caption },
    headline: scalar.headline,
    creator: scalar.creator,
    credit: scalar.credit,
    source: scalar.source,
    copyright: scalar.copyright,
    dateCreated: scalar.dateCreated,
    location: { city: scalar.city, sublocation: scalar.sublocation },
    keywords: [...keywords],
    ...(s.xmp?.hierarchical.length ? { hierarchicalKeywords: [...s.xmp.hierarchical] } : {}),
  };
}
