import type { LibraryPhoto } from './library';

// The flag ingest puts on a photo whose data is damaged but decodable (issue 11, item 8):
// the first of its warnings, in both languages, so the record reads the same to anyone.
export const DAMAGED_PREFIX = '图像数据有损坏 / Image data is damaged';

export function isDamaged(p: Pick<LibraryPhoto, 'warnings'>): boolean {
  return p.warnings.some((w) => w.startsWith(DAMAGED_PREFIX));
}
