/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder 25 loads its hooks with require() */
// Electron fuses, flipped after packaging and before signing (issue 11, item 10; Electron
// security checklist "fuses"). electron-builder 25 (the version pinned here) has no
// `electronFuses` option yet (it came in 26), and @electron/fuses is not a dependency, so
// this afterPack hook writes the fuse wire itself, as @electron/fuses does: the sentinel
// below, then a version byte ('1'), a length byte, and one byte per fuse ('0' off, '1' on,
// 'r' removed). When the project moves to electron-builder ≥ 26, replace this hook with
//   electronFuses: { runAsNode: false, enableNodeOptionsEnvironmentVariable: false, … }
// in electron-builder.yml, with the same values as FUSES below.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');

const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');

/** Fuse index (FuseV1Options) → wanted state. */
const FUSES = {
  0: false, // RunAsNode: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node
  1: true, // EnableCookieEncryption
  2: false, // EnableNodeOptionsEnvironmentVariable: NODE_OPTIONS is ignored
  3: false, // EnableNodeCliInspectArguments: no --inspect into the main process
  5: true, // OnlyLoadAppFromAsar: the app is loaded from app.asar only
  7: false, // GrantFileProtocolExtraPrivileges: the app is served from app://, not file://
};
/** ASAR integrity: macOS only here (electron-builder 25 embeds the hash in Info.plist, not yet the Windows resource). */
const DARWIN_ONLY = { 4: true }; // EnableEmbeddedAsarIntegrityValidation

/** Flips the fuses in a binary's bytes; returns how many wires were found. */
function flipFusesInBuffer(buf, fuses) {
  let wires = 0;
  for (let at = buf.indexOf(SENTINEL); at !== -1; at = buf.indexOf(SENTINEL, at + 1)) {
    const version = buf[at + SENTINEL.length];
    const length = buf[at + SENTINEL.length + 1];
    if (version !== 0x31) throw new Error(`unknown fuse wire version ${version}`);
    const start = at + SENTINEL.length + 2;
    for (const [index, on] of Object.entries(fuses)) {
      const i = Number(index);
      if (i >= length) continue; // an older Electron without this fuse
      if (buf[start + i] === 0x72) continue; // 'r': removed from this Electron
      buf[start + i] = on ? 0x31 : 0x30;
    }
    wires++;
  }
  return wires;
}

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName);
  }
}

async function afterPack(context) {
  const file = electronBinary(context);
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  const buf = readFileSync(file);
  if (flipFusesInBuffer(buf, darwin ? { ...FUSES, ...DARWIN_ONLY } : FUSES) === 0) throw new Error(`no Electron fuse wire in ${file}`);
  writeFileSync(file, buf);
  // Apple Silicon refuses a binary whose ad-hoc signature no longer matches; re-sign it
  // ad hoc (a real identity, when configured, signs the whole app after this hook).
  if (darwin && context.arch === 3 /* Arch.arm64 */) {
    execFileSync('codesign', ['--sign', '-', '--force', '--preserve-metadata=entitlements,requirements,flags,runtime', file]);
  }
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.flipFusesInBuffer = flipFusesInBuffer;
module.exports.FUSES = FUSES;
