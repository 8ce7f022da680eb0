import { writeFileSync, readFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import { join } from 'node:path';

// Files a card reader, a careless copy or a hostile sender can produce.

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** A valid PNG header claiming width×height pixels, with only one row of data: a decompression bomb's shape. */
export function hugePng(width = 30000, height = 30000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const row = Buffer.alloc(width + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(row)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes the four bad files of the photo desk's tests into `dir`; returns their names. */
export function writeBadFiles(dir: string, goodJpeg: string): string[] {
  const jpeg = readFileSync(goodJpeg);
  writeFileSync(join(dir, 'zero-bytes.jpg'), Buffer.alloc(0));
  writeFileSync(join(dir, 'truncated.jpg'), jpeg.subarray(0, Math.floor(jpeg.length / 2)));
  writeFileSync(join(dir, 'not-a-photo.jpg'), '这不是图片，只是一段文字。\nThis is text, not a JPEG.\n');
  writeFileSync(join(dir, 'bomb-30000x30000.png'), hugePng());
  return ['zero-bytes.jpg', 'truncated.jpg', 'not-a-photo.jpg', 'bomb-30000x30000.png'];
}
