import { homedir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { existsSync } from 'node:fs';

export const APP_DIR_NAME = 'Edition Desk';

/**
 * The user-data folder, the same one Electron's app.getPath('userData') gives for our
 * product name, so the browser host and Electron share settings and workspace.
 * EDITION_DESK_HOME overrides it (tests, portable use).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['EDITION_DESK_HOME']) return resolve(env['EDITION_DESK_HOME']);
  if (process.platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_DIR_NAME);
}

/** resources/ next to the built code (out/<entry>/ → ../../resources) or in a packaged app. */
export function findResourcesDir(from: string): string {
  let dir = from;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'sample', 'photos.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`resources/ not found above ${from}`);
}
