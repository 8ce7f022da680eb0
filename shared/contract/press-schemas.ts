import { z } from 'zod';

// The press PDF (付印 PDF, issue 13): its options as an export format, the per-edition
// press settings (<edition>/press.json) and the separations preview.

export const PDFX_VERSIONS = ['4', '1a'] as const;
export const DEFAULT_INK_LIMIT = 240;
export const DEFAULT_MAX_PPI = 300;

export const PressFormat = z.object({
  /** PDF/X-4 (transparency kept) or PDF/X-1a:2003 (flattened, CMYK only). */
  pdfx: z.enum(PDFX_VERSIONS).default('4'),
  /** Total area coverage limit, %; newsprint asks for 240. */
  inkLimit: z.number().int().min(160).max(400).default(DEFAULT_INK_LIMIT),
  bleedMm: z.number().min(0).max(20).default(3),
  /** Photos at most this effective resolution (1.5 × the screen ruling); never upsampled. */
  maxPpi: z.number().int().min(72).max(1200).default(DEFAULT_MAX_PPI),
}).strict();
export type PressFormat = z.output<typeof PressFormat>;

export const PressSettings = z.object({
  pdfx: z.enum(PDFX_VERSIONS),
  inkLimit: z.number().int().min(160).max(400),
  /** Screen ruling, lines per inch; photos go to 1.5 × this. */
  screenLpi: z.number().int().min(50).max(300),
  bleedMm: z.number().min(0).max(20),
}).strict();
export type PressSettings = z.infer<typeof PressSettings>;

export const DEFAULT_PRESS_SETTINGS: PressSettings = { pdfx: '4', inkLimit: DEFAULT_INK_LIMIT, screenLpi: 200, bleedMm: 3 };

export const PressProfileInfo = z.object({
  /** The profile's own description. */
  name: z.string(),
  /** True for the bundled default (FOGRA29 uncoated with the ink limit). */
  isDefault: z.boolean(),
  /** File name inside the edition's press/ folder, for a chosen profile. */
  file: z.string().optional(),
});

export const PressSettingsView = z.object({ settings: PressSettings, profile: PressProfileInfo });
export type PressSettingsView = z.infer<typeof PressSettingsView>;

export const PressSettingsInput = z.object({
  edition: z.string().min(1).max(300),
  settings: PressSettings.partial().optional(),
  /** A printer profile to keep with the edition (base64 of the .icc file), or null for the default. */
  profile: z.union([z.object({ fileName: z.string().min(1).max(200), base64: z.string().max(20_000_000) }).strict(), z.null()]).optional(),
}).strict();

export const INKS = ['C', 'M', 'Y', 'K'] as const;

export const SeparationsResult = z.object({
  pageId: z.string(),
  /** One greyscale PNG per ink (data: URL), dark where the ink prints. */
  plates: z.array(z.object({ ink: z.enum(INKS), png: z.string(), coverage: z.number() })),
  /** Highest C+M+Y+K found at one point of the page, %. */
  maxCoverage: z.number(),
  inkLimit: z.number(),
  profile: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
export type SeparationsResult = z.infer<typeof SeparationsResult>;
