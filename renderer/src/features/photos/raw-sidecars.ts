// Camera raws travel with an XMP sidecar, NAME.xmp beside NAME.CR2 (XMP Spec Part 3 §2.3),
// where Lightroom, Bridge and Photo Mechanic keep captions, ratings and labels. When the
// user picks a raw with its sidecar (or a folder holding both), the sidecar goes to ingest
// with its raw, not as a photo of its own.

export const RAW_NAME = /\.(cr2|cr3|nef|arw|dng)$/i;

/** Folder and stem, lower-cased: the sidecar's key. */
function stemKey(f: File): string {
  const path = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return path.replace(/\.[^./\\]*$/, '').toLowerCase();
}

/** Each raw among `files` mapped to the NAME.xmp beside it, where there is one. */
export function rawSidecars(files: File[]): Map<File, File> {
  const xmp = new Map<string, File>();
  for (const f of files) if (/\.xmp$/i.test(f.name)) xmp.set(stemKey(f), f);
  const out = new Map<File, File>();
  if (xmp.size === 0) return out;
  for (const f of files) {
    const s = RAW_NAME.test(f.name) ? xmp.get(stemKey(f)) : undefined;
    if (s) out.set(f, s);
  }
  return out;
}
