import { existsSync } from 'node:fs';

// Debian's Chromium; the flags keep it off a network this machine does not have.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export function chromiumPath(): string {
  const p = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(p)) throw new Error(`Chromium not found at ${p}; install Debian's chromium package (see .ci/run)`);
  return p;
}
