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
] as const;
export type Channel = (typeof CHANNELS)[number];
