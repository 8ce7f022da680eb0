import { createHash } from 'node:crypto';

// The desk writes captions to XMP (and IPTC-IIM where present) but never edits EXIF: EXIF
// strings are ASCII by the standard (CIPA DC-008 §4.6.5), and a rewrite risks the maker
// notes' offsets. MWG 2.0 (§5.1, as ExifTool's MWG module implements it) lets a non-blank
// EXIF ImageDescription, Artist or Copyright win over XMP, assuming writers keep all three
// in sync. So that a caption the desk wrote is not hidden by the camera's old EXIF text, the
// desk records in XMP which EXIF values it has seen (editiondesk:ExifDigest). On reading,
// a matching digest means "EXIF unchanged since the desk wrote the XMP", and XMP wins —
// the same idea as the IPTCDigest (MWG 2.0 §4.2.2) and the old Adobe tiff:NativeDigest.

export interface ExifCaptionStrings {
  description: string;
  artist: string;
  copyright: string;
}

export function exifCaptionDigest(e: ExifCaptionStrings | null): string | null {
  if (!e || (!e.description && !e.artist && !e.copyright)) return null;
  return createHash('md5').update([e.description, e.artist, e.copyright].join('\u0000'), 'utf8').digest('hex');
}
