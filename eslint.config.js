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
// Inside the catalogue, better-sqlite3 loads only through its adapter (sqlite-better.ts) and
// the desk-server store readers (CLI only): the rest of the catalogue also runs in the
// Electron window's utility process, where it cannot load.
const catalogNoBetterSqlite = {
  paths: [{ name: 'better-sqlite3', message: 'The catalogue opens SQLite through sql.ts (sqlite-better.ts or sqlite-node.ts): it also runs in the Electron utility process.' }],
};
// Node 22's node:sqlite exists in Electron's utility process, not in the Node 20 the host and
// CLI may run on: only its adapter and the utility-process entry import it.
const noNodeSqlite = {
  paths: [{ name: 'node:sqlite', message: 'node:sqlite only in electron/services/catalog/sqlite-node.ts and electron/utility (Node 22 / Electron).' }],
};
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
    { files: ['electron/services/**', 'electron/host/**', 'electron/cli/**'], extra: [deskServerOnly, noNodeSqlite] },
    // The desk server itself and the two verbs that start it (a later block replaces the rule for these files).
    { files: ['electron/services/deskserver/**', 'electron/cli/serve-verb.ts', 'electron/cli/serve-scale.ts', 'electron/cli/user-verb.ts'], extra: [noNodeSqlite] },
    { files: catalogFiles, extra: [deskServerFolderOnly, catalogNoBetterSqlite, noNodeSqlite] },
    { files: ['electron/services/catalog/sqlite-better.ts', 'electron/services/catalog/server-*.ts'], extra: [deskServerFolderOnly, noNodeSqlite] },
    { files: ['electron/services/catalog/sqlite-node.ts'], extra: [deskServerOnly] },
    // The catalogue's utility process (Electron's, on Node 22): node:sqlite, never better-sqlite3.
    { files: ['electron/utility/**'], extra: [deskServerOnly] },
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
        paths: [...deskServerOnly.paths, ...noNodeSqlite.paths],
        patterns: [folder('renderer', 'Main must not import from renderer/.'), folder('host', 'Main and the browser host are siblings.'), ...deskServerOnly.patterns,
          folder('catalog', 'The catalogue runs in its utility process (electron/main/archive-process.ts): main reaches it through messages, not an import.'),
          folder('utility', 'electron/utility is another process: main starts it with utilityProcess.fork.')],
      }),
    },
  },
);
