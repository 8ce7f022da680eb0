import Conf from 'conf';
import { SETTINGS_FILE } from '../../shared/settings/schema';
import { SettingsStore, keepBrokenSettingsAside } from './settings-store';

// The browser host's settings: conf is the library electron-store is built on, pointed at
// the same folder and file name, so a desk that uses both hosts has one settings.json.
export function createConfSettings(userData: string): SettingsStore {
  // clearInvalidConfig: a settings.json that is not JSON at all reads as empty (defaults)
  // instead of throwing from the constructor and stopping start-up; the broken file itself
  // is kept aside first, never written over.
  keepBrokenSettingsAside(userData);
  const conf = new Conf<Record<string, unknown>>({ cwd: userData, configName: SETTINGS_FILE, projectName: 'edition-desk', clearInvalidConfig: true });
  return new SettingsStore(conf);
}
