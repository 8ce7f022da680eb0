import { z } from 'zod';
import { DEFAULT_CODES, withDefaultEnglish } from '../photo/code-replace';
import { TEMPLATE_FIELDS, TEMPLATE_MODES } from '../photo/template';
import { DEFAULT_HOUSE_TERMS } from '../proof/rules/terms';

// One settings schema for both hosts: electron-store in Electron and conf in the
// browser host write the same settings.json in the same user-data folder.
export const UiLanguage = z.enum(['zh-CN', 'en']);
export type UiLanguage = z.infer<typeof UiLanguage>;

export const WindowState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});

export const CodeReplacement = z.object({ code: z.string().regex(/^[A-Za-z0-9_]{1,24}$/), text: z.string().max(500), en: z.string().max(500).optional() });
/** A house-style term for proofreading: the preferred form (quotation marks included), the spellings to flag. */
export const HouseTerm = z.object({
  preferred: z.string().min(1).max(200),
  variants: z.array(z.string().min(1).max(200)).max(50),
  accepted: z.array(z.string().min(1).max(200)).max(20).optional(),
});
export const CaptionTemplate = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().min(1).max(100),
  fields: z.partialRecord(z.enum(TEMPLATE_FIELDS), z.string().max(2000)),
  /** Per field: replace what the photo has (the default), or add after / before it. */
  modes: z.partialRecord(z.enum(TEMPLATE_FIELDS), z.enum(TEMPLATE_MODES)).optional(),
});

/** The template a county desk starts with; users edit or add their own. */
export const DEFAULT_TEMPLATES: z.infer<typeof CaptionTemplate>[] = [
  {
    id: 'news-default',
    name: '新闻图片 / News photo',
    fields: {
      'caption.zh': '{city}{date:yyyy年M月d日} {creator} 摄',
      'caption.en': '{date:MMMM d, yyyy}, {city}. Photo by {creator}',
      credit: '沁源县融媒体中心',
      source: '沁源县融媒体中心',
      'location.city': '沁源县',
    },
  },
];

// The fields without their defaults. SettingsPatch is built from these: zod 4 fills in a
// field's default even when the key is optional, so `Settings.partial()` would turn
// `{ uiLanguage: 'en' }` into a full object and every save would reset all other settings.
const SettingsFields = {
  uiLanguage: UiLanguage,
  /** Workspace-relative edition folders, most recent first. */
  recentEditions: z.array(z.string().max(500)).max(20),
  window: WindowState.nullable(),
  codeReplacements: z.array(CodeReplacement).max(500),
  captionTemplates: z.array(CaptionTemplate).max(200),
  /** Export presets the photographer last used. */
  /** House-style terms the proofreader checks (issue 6), editable by the desk. */
  proofTerms: z.array(HouseTerm).max(2000),
  // IPTC-IIM text written without 1:90 and not valid UTF-8 is in some 8-bit or legacy
  // multibyte set the file does not name (exiftool's -charset iptc=…). auto: GB 18030 when the
  // UI is Chinese (Chinese Windows software writes GBK), Windows-1252 when it is English.
  iptcLegacyCharset: z.enum(['auto', 'gb18030', 'big5', 'shift_jis', 'windows-1252', 'macintosh', 'iso-8859-1']),
  photoExport: z.object({ longEdge: z.number().int().min(200).max(20000), quality: z.number().int().min(30).max(100), watermark: z.string().max(200) }),
};

export const Settings = z.object({
  uiLanguage: SettingsFields.uiLanguage.default('zh-CN'),
  recentEditions: SettingsFields.recentEditions.default([]),
  window: SettingsFields.window.default(null),
  codeReplacements: SettingsFields.codeReplacements.default(DEFAULT_CODES).transform(withDefaultEnglish),
  captionTemplates: SettingsFields.captionTemplates.default(DEFAULT_TEMPLATES),
  proofTerms: SettingsFields.proofTerms.default(DEFAULT_HOUSE_TERMS),
  iptcLegacyCharset: SettingsFields.iptcLegacyCharset.default('auto'),
  photoExport: SettingsFields.photoExport.default({ longEdge: 2000, quality: 85, watermark: '' }),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.object(SettingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SETTINGS_FILE = 'settings';

/** Reads stored settings, dropping what does not fit instead of failing start-up. */
export function normalizeSettings(raw: unknown): Settings {
  const parsed = Settings.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const obj = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(Settings.shape) as (keyof Settings)[]) {
    const field = Settings.shape[key].safeParse(obj[key]);
    if (field.success) out[key] = field.data;
  }
  return Settings.parse(out);
}
