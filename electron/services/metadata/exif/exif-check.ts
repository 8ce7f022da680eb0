import { parseTiff, TiffStructureError } from '../containers/tiff';

// exifr skips what it cannot read without saying so. These checks name the damage that
// hides data, so the import can tell the photographer (CIPA DC-008 §4.6.3: the Exif, GPS
// and Interoperability pointers are LONG offsets to an IFD).

const POINTERS: Record<number, string> = { 0x8769: 'Exif', 0x8825: 'GPS', 0xa005: 'Interoperability' };
const LONG = 4;
const IFD = 13;

export function checkExifStructure(tiff: Buffer): string[] {
  const out: string[] = [];
  let layout;
  try {
    layout = parseTiff(tiff);
  } catch (e) {
    return [`EXIF: ${e instanceof TiffStructureError ? e.message : 'unreadable'}`];
  }
  for (const e of layout.entries) {
    const name = POINTERS[e.tag];
    if (!name) continue;
    if (e.count === 0) {
      out.push(`EXIF: the ${name} directory pointer is empty`);
      continue;
    }
    if ((e.type !== LONG && e.type !== IFD) || e.count !== 1) {
      out.push(`EXIF: the ${name} directory pointer has the wrong type (${e.type}); its tags were not read`);
      continue;
    }
    const at = layout.little ? e.raw.readUInt32LE(8) : e.raw.readUInt32BE(8);
    if (at + 2 > tiff.length) {
      out.push(`EXIF: the ${name} directory pointer leads outside the EXIF block`);
      continue;
    }
    const n = layout.little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at);
    if (n === 0) out.push(`EXIF: the ${name} directory is empty`);
  }
  return out;
}
