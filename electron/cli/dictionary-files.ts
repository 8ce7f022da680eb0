import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// dictionary-en for the proof bundle (proof-main.ts, one CommonJS file run from V8's code
// cache): the package's own module reads its two files with top-level await, which a
// CommonJS bundle cannot import without Node 20's experimental vm loader. The build points
// `dictionary-en` here instead (scripts/build.mjs); the same two files from the package's folder.

const pkg = dirname(createRequire(__filename).resolve('dictionary-en'));

export default { aff: readFileSync(join(pkg, 'index.aff')), dic: readFileSync(join(pkg, 'index.dic')) };
