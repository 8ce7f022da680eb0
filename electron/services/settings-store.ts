import { join } from 'node:path';
import { SETTINGS_FILE, Settings, normalizeSettings, type SettingsPatch } from '../../shared/settings/schema';
import { keepAsideIfBrokenSync, parsesAsJson } from './guarded-write';

/**
 * Before either host's store opens settings.json: a file that is not JSON is renamed to
 * settings.json.broken-<time> (guarded-write.ts) rather than cleared by the library, and
 * the start-up log names it. Values of the wrong type are not "broken": normalizeSettings
 * drops them one by one.
 */
export function keepBrokenSettingsAside(userData: string, log: (line: string) => void = (l) => console.warn(l)): string | null {
  const aside = keepAsideIfBrokenSync(join(userData, `${SETTINGS_FILE}.json`), parsesAsJson);
  if (aside) log(`[edition-desk] settings.json could not be read; kept as ${aside} / 设置文件无法读取，已另存为 ${aside}`);
  return aside;
}

/** Both hosts keep settings behind this: electron-store in Electron, conf in the browser host. */
export interface KeyValueBackend {
  readonly store: Record<string, unknown>;
  set(key: string, value: unknown): void;
}

export class SettingsStore {
  constructor(private readonly backend: KeyValueBackend) {}

  get(): Settings {
    return normalizeSettings(this.backend.store);
  }

  set(patch: SettingsPatch): Settings {
    const next = Settings.parse({ ...this.get(), ...patch });
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined) this.backend.set(k, next[k as keyof Settings]);
    }
    return next;
  }

  rememberEdition(ref: string): void {
    const recent = [ref, ...this.get().recentEditions.filter((r) => r !== ref)].slice(0, 20);
    this.set({ recentEditions: recent });
  }
}
