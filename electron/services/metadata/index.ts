// Press-photo metadata: read caption fields and technical facts from JPEG, PNG, WebP, TIFF
// (and HEIF/AVIF through libvips), write caption fields back as XMP and IPTC-IIM.
export { readFileMeta, readMetaFromBytes } from './read-file-meta';
export { writeCaptionMeta } from './write-caption-meta';
export { sidecarPath } from './sidecar';
/** Turns a typed date (2026-2-6, 2026年2月6日, …) into the XMP form writeCaptionMeta stores, or null. */
export { normalizeDate } from './date';
export { writeMarksMeta } from './write-marks-meta';
export { readXmpMarks } from './xmp/xmp-marks';
