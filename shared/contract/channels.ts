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

  'page:duplicate',
  'page:delete',
  'page:reorder',
  'page:put-many',

  'edition:place-photo',

  // Newsroom network, issue 12 — desk side: main's sync engine
  'collab:status',
  'collab:connect',
  'collab:disconnect',
  // Publishing and opening shared editions
  'collab:remote-editions',
  'collab:publish',
  'collab:open-remote',
  // 签发 and the audit log, through main's session
  'collab:signoff',
  'collab:reopen',
  'collab:audit',
  // [press: issue 13, press-ready output and proofs]
  'press:settings',
  'press:settings-set',
  'press:separations',
  // [/press]
  // [proofs: issue 13, proof rounds, diffs, export speed]
  'proofs:export',
  'proofs:list',
  'proofs:diff',
  // [/proofs]
  // [copy: issue 14, real-world copy and files]
  // [/copy]
  // [polish: issue 17, first-hour polish]
  // The edition's house style (autospace), and a long job's progress for the taskbar
  'edition:house-style',
  'app:progress',
  // [/polish]
  // [net: issue 12, newsroom network follow-ups]
  // Forget a server: its pinned certificate and saved session (local copies stay on disk)
  'collab:forget',
  // Archive and search (issue 16): the workspace catalogue
  'archive:search',
  // [/net]
  // [csc: issue 14, 错别字 detection and repeats by words]
  'proof:typo-level',
  // [/csc]
  // [corpus: issue 14, external corpus, punctuation rules, legacy charset UI]
  // Re-reads the captions of library photos whose old IPTC text depends on the legacy charset
  'library:reread-legacy',
  // [/corpus]
  // [speed: issue 15, honest speed]
  'library:settled',
  'library:first-page',
  'library:page',
  // [/speed]
  // [find: issue 16, search results into the desk, provenance, caption history]
  // The catalogue's build state (progress of a rebuild on start)
  'archive:status',
  // A library photo's provenance: the pages it is placed on, its caption history
  'archive:provenance',
  // Put an older caption from the history back (written into the file, recorded as a revert)
  'library:caption-revert',
  // Copy a found story / photo from another edition into this one
  'story:copy-from',
  'edition:copy-photo-from',
  // [/find]
  // [vocab: issue 16, keyword vocabulary, near-duplicates, server catalogue]
  // The workspace keyword vocabulary (keywords.json) and Photo Mechanic's keyword file
  'vocab:get',
  'vocab:edit',
  'vocab:delete',
  'vocab:restore',
  'vocab:import',
  'vocab:export',
  // Near-duplicates of a library photo by perceptual hash
  'photos:similar',
  // [/vocab]
  // [raw: issue 15, camera raw files through their embedded JPEG]
  'library:raw-sidecar',
  // [/raw]
  // [ingest: issue 15, ingest against sharp under load]
  // Ingest that answers when the thumbnail is made; the commit's outcome asked for after
  'library:ingest-shown',
  'library:ingest-committed',
  // The same for a file main reads itself (the desktop app knows a picked file's path)
  'library:ingest-file-shown',
  // [/ingest]
  // [editor: issue 15, editor latency at 200k/500k]
  // [/editor]
  // [csc2: issue 14, 错别字 detection to target]
  // The 错别字 tables as one binary file (replaces proof:csc-model's text table)
  // [/csc2]
  // [ingest2: issue 15, camera thumbnails and 24 MP ingest to target]
  // [/ingest2]
  // [cli: issue 15, proof CLI start]
  // [/cli]
  // [csc3: issue 14, 错别字 precision and recall]
  // [/csc3]
  // [cli3: issue 15, proof CLI start]
  // [/cli3]
  // [editor3: issue 15, editor latency at size]
  // [/editor3]
  // [csc4: issue 14, 错别字 precision and recall]
  // [/csc4]
  // [suite: suite speed]
  // [/suite]
  // [csc5: issue 14, a word language model for 错别字]
  // [/csc5]
] as const;
export type Channel = (typeof CHANNELS)[number];
