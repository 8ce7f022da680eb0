import { z } from 'zod';

// The desk's picks as they travel in the file: the star rating as xmp:Rating (0–5) and the
// colour label as xmp:Label, the label's *name* (XMP Basic schema, XMP Spec Part 2 §8.4).
// Bridge, Lightroom and Photo Mechanic store the English names of the five default labels;
// a Chinese Bridge stores its own names (红色 …), which are read too.

/** Colour labels as Photo Mechanic's keys 6–9 set them; purple is Bridge's fifth. */
export const COLOR_LABELS = ['none', 'red', 'yellow', 'green', 'blue', 'purple'] as const;
export const ColorLabel = z.enum(COLOR_LABELS);
export type ColorLabel = z.infer<typeof ColorLabel>;

const XMP_NAMES: Record<Exclude<ColorLabel, 'none'>, string> = {
  red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', purple: 'Purple',
};

const READ_NAMES: Record<string, Exclude<ColorLabel, 'none'>> = {
  red: 'red', yellow: 'yellow', green: 'green', blue: 'blue', purple: 'purple',
  '红': 'red', '红色': 'red', '黄': 'yellow', '黄色': 'yellow', '绿': 'green', '绿色': 'green',
  '蓝': 'blue', '蓝色': 'blue', '紫': 'purple', '紫色': 'purple',
};

/** The xmp:Label value for a label, '' for none (the property is then removed). */
export function labelToXmp(label: ColorLabel): string {
  return label === 'none' ? '' : XMP_NAMES[label];
}

/** A file's xmp:Label → the desk's label; a name the desk does not know reads as none. */
export function labelFromXmp(value: string | null | undefined): ColorLabel {
  return READ_NAMES[(value ?? '').trim().toLowerCase()] ?? 'none';
}

/** xmp:Rating is a real number in XMP (−1 = rejected); the desk keeps whole stars 0–5. */
export function ratingFromXmp(value: string | null | undefined): number {
  const n = Number.parseFloat((value ?? '').trim());
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(5, Math.round(n));
}

export interface PhotoMarks {
  rating?: number | undefined;
  label?: ColorLabel | undefined;
}
