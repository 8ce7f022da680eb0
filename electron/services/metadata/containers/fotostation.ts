// FotoWare FotoStation can keep a photo's metadata in a trailer after the JPEG's end (EOI)
// instead of inside it. The trailer is a chain of records read from the end of the file,
// each followed by a 10-byte footer, big-endian: tag (u16), record size including the footer
// (u32), signature 0xA1B2C3D4. Tag 1 holds IPTC-IIM datasets. ExifTool reads it as its IPTC2
// group (Image::ExifTool::FotoStation); its MWG composites leave it out.

const SIGNATURE = 0xa1b2c3d4;
const FOOTER = 10;
const IPTC_TAG = 1;
/** FotoStation writes four record kinds; a longer chain is not a FotoStation trailer. */
const MAX_RECORDS = 8;

/** The IIM block of a FotoStation trailer, or null when the file has none. */
export function fotoStationIim(buf: Buffer): Buffer | null {
  let end = buf.length;
  for (let n = 0; n < MAX_RECORDS && end >= FOOTER; n++) {
    if (buf.readUInt32BE(end - 4) !== SIGNATURE) return null;
    const tag = buf.readUInt16BE(end - FOOTER);
    const size = buf.readUInt32BE(end - 8);
    if (size < FOOTER || size > end) return null;
    if (tag === IPTC_TAG) return buf.subarray(end - size, end - FOOTER);
    end -= size;
  }
  return null;
}
