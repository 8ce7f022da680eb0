import type { Converter as OpenccConverter } from 'opencc-js/t2cn';

// opencc-js's t→cn tables for the proof bundles (scripts/build.mjs points the traditional
// rule's import here): ~190,000 characters of dictionary strings at the module's top level,
// which the bundle's code cache held and every `edition-desk proof` start deserialized,
// though the rule builds its converter only for a character outside GB 2312 (issue 15).
// Behind this require the module is read and evaluated on the first Converter() call, from
// node_modules (scripts/build.mjs keeps it out of the proof bundles: 200 KB that a page
// without a traditional character never needs).

type ConverterFn = typeof OpenccConverter;

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a literal require, which esbuild bundles as a lazily evaluated module
export const Converter: ConverterFn = (options) => (require('opencc-js/t2cn') as { Converter: ConverterFn }).Converter(options);
