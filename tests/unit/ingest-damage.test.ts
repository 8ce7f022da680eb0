import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeError } from '../../electron/services/library/ingest-damage';

// A JPEG cut short is told as such (文件不完整) whatever libvips said about it: with several
// photos in flight its wording once made a truncated card file "damaged" (CI, photo-desk.spec).

describe('decodeError', () => {
  it('calls a JPEG without its end-of-image marker truncated, whatever the message', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    const half = jpeg.subarray(0, jpeg.length >> 1);
    const damagedWording = new Error('VipsJpeg: Corrupt JPEG data: bad Huffman code');
    expect(decodeError(damagedWording, 'cut.jpg', half).code).toBe('IMAGE_TRUNCATED');
    // The whole file with the same message: damaged, as libvips says.
    expect(decodeError(damagedWording, 'whole.jpg', jpeg).code).toBe('IMAGE_DAMAGED');
    // Padding after the marker is still a whole file.
    expect(decodeError(damagedWording, 'padded.jpg', Buffer.concat([jpeg, Buffer.alloc(300)])).code).toBe('IMAGE_DAMAGED');
    // Not a JPEG, or no bytes given: the message decides, as before.
    expect(decodeError(new Error('VipsJpeg: Premature end of JPEG file'), 'x.jpg').code).toBe('IMAGE_TRUNCATED');
    expect(decodeError(damagedWording, 'x.png', Buffer.from('\x89PNG\r\n')).code).toBe('IMAGE_DAMAGED');
  });
});
