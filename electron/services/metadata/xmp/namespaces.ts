// Namespace URIs (XMP Spec Part 1 §8, Part 2; IPTC Photo Metadata Standard 2023.2 §"XMP").

export const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  exifEX: 'http://cipa.jp/exif/1.0/',
  /** Lightroom's namespace: hierarchicalSubject, the keyword paths PM and Bridge also write. */
  lr: 'http://ns.adobe.com/lightroom/1.0/',
  /**
   * The desk's own namespace (XMP Spec Part 1 §8.2.2 lets any application define one).
   * It holds one property, ExifDigest: see exif/exif-digest.ts.
   */
  editiondesk: 'http://ns.editiondesk.local/xmp/1.0/',
} as const;

export type Prefix = keyof typeof NS;
