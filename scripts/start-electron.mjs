// `npm start`: build, then run the desktop app with the Electron binary from
// node_modules/electron. Offline installs (ELECTRON_SKIP_BINARY_DOWNLOAD=1) have no
// binary; then say so in one line and point to the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const NO_BINARY =
  'Electron binary not installed (offline install skips the download). Run "npm run web" for the browser host, or reinstall with ELECTRON_MIRROR set.';

/** The binary's path, or null. require('electron') throws when install.js never ran. */
function electronBinary() {
  try {
    const path = createRequire(join(root, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

// Check first, so an offline desk does not wait for a build it cannot run.
const electron = electronBinary();
if (!electron) {
  console.error(NO_BINARY);
  process.exit(1);
}

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

// ELECTRON_RUN_AS_NODE, if set in the calling shell, would start Node instead of the app.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [root, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
child.on('error', (e) => {
  console.error(`Could not start Electron (${electron}): ${e.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
