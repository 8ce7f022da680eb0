import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegScanDamage } from '../../electron/services/library/jpeg-scan-check';
import { mutatedPhotos } from '../support/mutate-photos';
import { SHARED_FIXTURES, SHARED_FIXTURES_SKIP } from '../support/shared-fixtures';
import { RESOURCES } from './helpers';

// Issue 11, item 8: the JPEG scan check finds what sharp's libjpeg-turbo 3 decodes
// silently ("bad Huffman code", which Debian's libvips reports), and finds nothing in
// sound camera files.

const PHOTOS = SHARED_FIXTURES ? join(SHARED_FIXTURES, 'photos') : null;
const jpegs = (dir: string) => readdirSync(dir).filter((n) => /\.jpe?g$/i.test(n));

describe.skipIf(!PHOTOS)('jpegScanDamage', () => {
  if (!PHOTOS) console.warn(SHARED_FIXTURES_SKIP);

  it('finds nothing in the sound camera files and the sample photos; finds corrupted.jpg', () => {
    for (const n of jpegs(PHOTOS!)) {
      const r = jpegScanDamage(readFileSync(join(PHOTOS!, n)));
      if (n === 'corrupted.jpg') expect(r, n).toMatch(/^Corrupt JPEG data/);
      else expect(r, n).toBeNull();
    }
    const sample = join(RESOURCES, 'sample', 'photos');
    for (const n of jpegs(sample)) expect(jpegScanDamage(readFileSync(join(sample, n))), n).toBeNull();
  });

  it('finds every bad Huffman code libvips reports in the seeded mutations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-desk-scan-'));
    let reported = 0;
    for (const f of mutatedPhotos(PHOTOS!, 300, 8).filter((m) => /\.jpe?g$/i.test(m.name) && /flip|insert/.test(m.how))) {
      const path = join(dir, 'x.jpg');
      writeFileSync(path, f.bytes);
      let vips = '';
      try {
        execFileSync('vips', ['avg', `${path}[fail]`], { stdio: ['ignore', 'ignore', 'pipe'] });
      } catch (e) {
        vips = String((e as { stderr?: Buffer }).stderr ?? '');
      }
      if (!/bad Huffman code/.test(vips)) continue;
      reported++;
      expect(jpegScanDamage(f.bytes), f.name).toMatch(/^Corrupt JPEG data/);
    }
    expect(reported).toBeGreaterThan(3);
  }, 120_000);
});
