import { z } from 'zod';

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

export const Settings = z.object({
  uiLanguage: UiLanguage.default('zh-CN'),
  /** Workspace-relative edition folders, most recent first. */
  recentEditions: z.array(z.string().max(500)).max(20).default([]),
  window: WindowState.nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
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
