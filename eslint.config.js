// Lint keeps the process boundaries (see /docs and STYLE.md "Processes and folders"):
// shared/ is plain JS, renderer/ is the web page, services run under plain Node, and
// only electron/main and electron/preload may import 'electron'. A wrong import fails
// `npm run lint`, not a code review. Rules stay light (no type-aware rules) so a full
// run takes seconds.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const nodeBuiltins = {
  // 'fs', 'path', … as well as 'node:fs': both reach Node.
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'Node built-ins are not available here.' })),
  patterns: [{ group: ['node:*'], message: 'Node built-ins are not available here.' }],
};
const noElectron = {
  paths: [{ name: 'electron', message: "Only electron/main and electron/preload may import 'electron'." }],
  patterns: [{ group: ['electron/*'], message: "Only electron/main and electron/preload may import 'electron'." }],
};
const folder = (name, message) => ({ regex: `(^|/)${name}/`, message });
// better-sqlite3 is built for Node's ABI, not Electron's: only the desk server process
// (`edition-desk serve` / `user`, electron/services/deskserver) may load it (issue 12).
const deskServerOnly = {
  paths: [{ name: 'better-sqlite3', message: 'Only the desk server (electron/services/deskserver, the serve/user CLI verbs) loads better-sqlite3.' }],
  patterns: [folder('deskserver', 'Only the serve/user CLI verbs start the desk server; desks reach it over HTTPS.')],
};
// The archive catalogue (issue 16) is the other user of better-sqlite3: its files and the
// index/search CLI verb may load it; the browser host and CLI reach it by dynamic import.
const catalogFiles = ['electron/services/catalog/**', 'electron/cli/archive-verb.ts'];
const deskServerFolderOnly = { patterns: deskServerOnly.patterns };
const restrict = (...parts) => [
  'error',
  {
    paths: parts.flatMap((p) => p.paths ?? []),
    patterns: parts.flatMap((p) => p.patterns ?? []),
  },
];

// Globals of the Node scripts (.mjs/.js); TypeScript files get theirs from tsc.
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'fetch', 'AbortController',
    'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'queueMicrotask',
    'structuredClone', 'performance', 'globalThis'].map((g) => [g, 'readonly']),
);

export default defineConfig(
  globalIgnores(['out/', 'node_modules/', 'dist/', 'test-results/', 'playwright-report/', '.tmp/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins, noElectron, {
        paths: [
          { name: 'react', message: 'shared/ is plain TypeScript: no React.' },
          { name: 'react-dom', message: 'shared/ is plain TypeScript: no React.' },
        ],
        patterns: [
          folder('electron', 'shared/ must not import from electron/.'),
          folder('renderer', 'shared/ must not import from renderer/.'),
        ],
      }),
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'], // runs in Node, at build time
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins, noElectron, {
        patterns: [folder('electron', 'The renderer reaches main only through the contract (renderer/src/api).')],
      }),
    },
  },
  ...[
    { files: ['electron/services/**', 'electron/host/**', 'electron/cli/**'], extra: [deskServerOnly] },
    // The desk server itself and the two verbs that start it (a later block replaces the rule for these files).
    { files: ['electron/services/deskserver/**', 'electron/cli/serve-verb.ts', 'electron/cli/serve-scale.ts', 'electron/cli/user-verb.ts'], extra: [] },
    { files: catalogFiles, extra: [deskServerFolderOnly] },
  ].map(({ files, extra }) => ({
    files,
    rules: {
      'no-restricted-imports': restrict(noElectron, ...extra, {
        patterns: [
          folder('renderer', 'Node code must not import from renderer/.'),
          folder('main', 'Services and hosts must not depend on the Electron glue in electron/main.'),
          folder('preload', 'Services and hosts must not depend on the preload.'),
        ],
      }),
    },
  })),
  {
    // Sandboxed preload: one small CommonJS bundle with channel names only.
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins, {
        paths: [{ name: 'zod', message: 'The preload imports channel names only (shared/contract/channels).' }],
        patterns: [
          folder('services', 'The sandboxed preload cannot run services.'),
          folder('renderer', 'The preload must not import from renderer/.'),
          { regex: 'contract/(contract|handle|messages|index)$', message: 'The preload imports channel names only (shared/contract/channels).' },
        ],
      }),
    },
  },
  {
    files: ['electron/main/**'],
    rules: {
      'no-restricted-imports': restrict({
        paths: deskServerOnly.paths,
        patterns: [folder('renderer', 'Main must not import from renderer/.'), folder('host', 'Main and the browser host are siblings.'), ...deskServerOnly.patterns,
          folder('catalog', 'The catalogue loads better-sqlite3 (Node ABI): Electron main reaches it through a Node process, not an import.')],
      }),
    },
  },
);
