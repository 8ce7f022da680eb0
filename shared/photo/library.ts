import { z } from 'zod';
import { Id } from '../document/ids';
import { PhotoMeta } from '../document/schema';
import { TechMeta } from './file-meta';
import { ColorLabel } from './marks';

// One photo in the workspace library: the file as imported (by content hash), the caption
// fields as last written into the file, the camera facts, and the desk's own marks.

export { COLOR_LABELS, ColorLabel } from './marks';

export const LibraryPhoto = z.object({
  id: Id,
  /** Hash of the file as it is now (changes when captions are written into it). */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Hash of the file as it arrived: a second import of the same card file is recognised. */
  originalSha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().max(255),
  /** Path relative to the imported folder, for the photographer's own order. */
  sourcePath: z.string().max(1000),
  /** Inside the workspace: library/files/<id>.<ext>. */
  file: z.string().regex(/^library\/files\/[a-z0-9-]+\.[a-z0-9]+$/),
  /** Where the caption lives when the format cannot hold XMP. */
  sidecar: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  importedAt: z.string(),
  rating: z.number().int().min(0).max(5),
  label: ColorLabel,
  meta: PhotoMeta,
  tech: TechMeta,
  warnings: z.array(z.string()),
  /** 64-bit dHash of the thumbnail (shared/photo/dhash.ts); null for a flat image; absent until computed. */
  dhash: z.string().regex(/^[0-9a-f]{16}$/).nullable().optional(),
});
export type LibraryPhoto = z.infer<typeof LibraryPhoto>;

export function isCaptioned(p: Pick<LibraryPhoto, 'meta'>): boolean {
  return p.meta.caption.zh.trim() !== '' || p.meta.caption.en.trim() !== '';
}
