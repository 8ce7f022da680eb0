import { z } from 'zod';
import { PhotoMeta } from '../document/schema';
import { ColorLabel } from './marks';

// What the app reads from a photo file besides the caption fields (PhotoMeta): the
// technical facts a photographer sorts and filters by. Written by nobody but the camera.
export const TechMeta = z.object({
  /** Displayed size, after EXIF orientation. */
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  format: z.string(),
  orientation: z.number().int().min(1).max(8),
  /** ISO 8601 local time as the camera wrote it (DateTimeOriginal), or null. */
  captureDate: z.string().nullable(),
  make: z.string(),
  model: z.string(),
  lens: z.string(),
  iso: z.number().nullable(),
  fNumber: z.number().nullable(),
  /** Seconds. */
  exposureTime: z.number().nullable(),
  focalLength: z.number().nullable(),
  gps: z.object({ lat: z.number(), lon: z.number(), alt: z.number().nullable() }).nullable(),
});
export type TechMeta = z.infer<typeof TechMeta>;

/** xmp:Rating and xmp:Label as the file states them; null where it says nothing. */
export const FileMarks = z.object({ rating: z.number().int().min(0).max(5).nullable(), label: ColorLabel.nullable() });
export type FileMarks = z.infer<typeof FileMarks>;

export const FileMeta = z.object({ caption: PhotoMeta, tech: TechMeta, marks: FileMarks, warnings: z.array(z.string()) });
export type FileMeta = z.infer<typeof FileMeta>;

/**
 * The camera's capture time as a caption's 拍摄日期 (photoshop:DateCreated): to the second,
 * with the zone when the camera recorded one; sub-seconds are for sorting bursts, not captions.
 */
export function captionDateFromCapture(captureDate: string | null): string {
  return (captureDate ?? '').replace(/(T\d{2}:\d{2}:\d{2})\.\d+/u, '$1');
}
