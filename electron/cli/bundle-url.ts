import { pathToFileURL } from 'node:url';

// Injected into the proof bundle (scripts/build.mjs) as import.meta.url, which CommonJS
// lacks: a module that finds a table beside itself with new URL(…, import.meta.url) then
// finds it from out/cli/proof.cjs. Made when first asked, not as the bundle loads: the
// CLI's proof hands the bundle its table's path and never asks, and pathToFileURL was
// ~0.4 ms of its start (issue 15).
let url: string | undefined;
export const bundleFile = {
  get url(): string {
    return (url ??= pathToFileURL(__filename).href);
  },
};
