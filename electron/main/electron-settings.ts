import Store from 'electron-store';
import { SETTINGS_FILE } from '../../shared/settings/schema';
import { SettingsStore, keepBrokenSettingsAside } from '../services/settings-store';

// electron-store is conf with Electron's defaults; given the same folder and file name as
// the browser host's conf (services/conf-settings.ts), both hosts share one settings.json
// and one schema, enforced by SettingsStore rather than by either library.
export function createElectronSettings(userData: string): SettingsStore {
  // clearInvalidConfig as in conf-settings.ts: a settings.json that is not JSON reads as
  // defaults instead of stopping start-up.
  keepBrokenSettingsAside(userData);
  const store = new Store<Record<string, unknown>>({ name: SETTINGS_FILE, cwd: userData, clearInvalidConfig: true });
  return new SettingsStore(store);
}
