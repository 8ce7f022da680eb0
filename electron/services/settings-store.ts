import { Settings, normalizeSettings, type SettingsPatch } from '../../shared/settings/schema';

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
