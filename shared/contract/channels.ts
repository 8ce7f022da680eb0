// Channel names only, with no schema code, so the sandboxed preload can import them
// without pulling zod into its bundle.
export const CHANNELS = [
  'app:info',
  'settings:get',
  'settings:set',
  'edition:list',
  'edition:open',
  'page:list',
  'page:get',
  'page:put',
  'page:create',
  'edition:page-size',
  'story:list',
  'story:get',
  'story:put',
  'story:import',
  'story:export',
  'story:save-version',
  'photo:list',
  'library:list',
  'library:ingest',
  'library:caption',
  'library:caption-many',
  'library:mark',
  'library:export',
  'export:preflight',
  'export:run',
  'export:reveal',
  'proof:edition',
  'proof:ignores:get',
  'proof:ignores:set',
  'proof:dictionary',

  // [A: editions & stories (issue 10 items 1-2)]
  'edition:create',
  'edition:create-from',
  'edition:rename',
  'edition:duplicate',
  'edition:delete',
  'trash:list',
  'trash:restore',
  'trash:purge',
  'story:create',
  'story:rename',
  'story:duplicate',
  'story:delete',
  'story:set-status',
  // [/A]

  // [B: pages, threads, story parts (issue 10 items 3, 5, 6)]
  'page:duplicate',
  'page:delete',
  'page:reorder',
  'page:put-many',
  // [/B]

  // [C: library to page (issue 10 item 4)]
  'edition:place-photo',
  // [/C]

  // [D: photo desk (issue 10 item 7)]
  // [/D]

  // [E: sample, preflight, export names (issue 10 items 8-10)]
  // [/E]

  // [H: hardening (issue 11)]
  // [/H]
] as const;
export type Channel = (typeof CHANNELS)[number];
