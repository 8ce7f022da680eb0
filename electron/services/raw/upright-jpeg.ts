// A camera's embedded JPEG (a raw's preview, or the MPF preview of a camera JPEG, which
// previews.ts shows as the contact-sheet thumbnail) is stored as the sensor saw it; the
// photo's IFD0 Orientation says how the camera was held. The preview is given an EXIF segment holding only that Orientation
// (its own EXIF APP1s, if any, are left out: they describe the preview, not the photo), so
// every decoder that turns a JPEG by its EXIF (sharp's rotate(), Chromium's <img>, the
// print route) shows it upright. The image data is not touched.

/** An APP1 EXIF segment with IFD0 holding one entry, Orientation (CIPA DC-008 tag 0x0112). */
function orientationApp1(orientation: number): Buffer {
  const seg = Buffer.alloc(2 + 2 + 6 + 26);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(seg.length - 2, 2);
  seg.write('Exif\0\0', 4, 'latin1');
  const t = 10;
  seg.write('MM', t, 'latin1');
  seg.writeUInt16BE(0x2a, t + 2);
  seg.writeUInt32BE(8, t + 4);
  seg.writeUInt16BE(1, t + 8);
  seg.writeUInt16BE(0x0112, t + 10);
  seg.writeUInt16BE(3, t + 12); // SHORT
  seg.writeUInt32BE(1, t + 14);
  seg.writeUInt16BE(orientation >= 1 && orientation <= 8 ? orientation : 1, t + 18);
  seg.writeUInt32BE(0, t + 22); // no IFD1
  return seg;
}

export function uprightJpeg(jpeg: Buffer, orientation: number): Buffer {
  const keep: Buffer[] = [jpeg.subarray(0, 2), orientationApp1(orientation)];
  let pos = 2;
  // Header segments up to SOS, each length checked; the rest (scan data, EOI) as it is.
  while (pos + 4 <= jpeg.length && jpeg[pos] === 0xff && jpeg[pos + 1] !== 0xda) {
    const end = pos + 2 + jpeg.readUInt16BE(pos + 2);
    if (end > jpeg.length) break;
    const isExif = jpeg[pos + 1] === 0xe1 && jpeg.subarray(pos + 4, pos + 8).toString('latin1') === 'Exif';
    if (!isExif) keep.push(jpeg.subarray(pos, end));
    pos = end;
  }
  keep.push(jpeg.subarray(pos));
  return Buffer.concat(keep);
}
