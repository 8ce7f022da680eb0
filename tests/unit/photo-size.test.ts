import { describe, expect, it } from 'vitest';
import { photoSizeFor, THUMB_PX } from '../../shared/layout/photo-size';

// The composer's choice of rendition (shared/layout/photo-size.ts): the sample's photo
// frames are 88 × 102 mm; the page fits a 1400 px window at 41 %.
describe('photoSizeFor', () => {
  it('takes the thumbnail for a frame at the fit zoom on a standard screen', () => {
    expect(photoSizeFor(102, 0.41, 1)).toBe('thumb');
  });
  it('takes the preview once the frame needs more pixels than the thumbnail has', () => {
    expect(photoSizeFor(102, 1, 1)).toBe('preview');
    expect(photoSizeFor(102, 0.41, 2)).toBe('preview'); // a HiDPI screen
    expect(photoSizeFor(102 * 2, 0.41, 1)).toBe('preview'); // cropped in 2×
  });
  it('covers a frame edge to edge: a 16:9 photo in a square frame needs 16/9 of its side', () => {
    const side = (THUMB_PX / (16 / 9)) / (96 / 25.4); // mm at zoom 1 that the thumbnail just covers
    expect(photoSizeFor(side, 1, 1)).toBe('thumb');
    expect(photoSizeFor(side * 1.01, 1, 1)).toBe('preview');
  });
});
