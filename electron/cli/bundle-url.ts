import { pathToFileURL } from 'node:url';

// Injected into the proof bundle (scripts/build.mjs) as import.meta.url, which CommonJS
// lacks: a module that finds a table beside itself with new URL(…, import.meta.url) then
// finds it from out/cli/proof.cjs.
export const bundleUrl = pathToFileURL(__filename).href;
