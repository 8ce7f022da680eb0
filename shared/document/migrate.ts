import { PAGE_PRESETS, SCHEMA_VERSION } from './schema';

// Each step lifts a raw edition.json one version; steps are pure and never drop data
// they do not understand. Add a step here whenever SCHEMA_VERSION grows.
type Raw = Record<string, unknown>;
const STEPS: Record<number, (raw: Raw) => Raw> = {
  // v0 (pre-release drafts): `name` instead of `title`, page size as a preset string.
  0: (raw) => {
    const { name, pageSize, ...rest } = raw;
    // A known preset name becomes its size; an unknown string is kept (and refused by the schema).
    const known = typeof pageSize === 'string' && Object.hasOwn(PAGE_PRESETS, pageSize)
      ? { ...PAGE_PRESETS[pageSize as keyof typeof PAGE_PRESETS] }
      : undefined;
    return {
      ...rest,
      title: rest['title'] ?? name,
      pageSize: known ?? (pageSize === undefined || pageSize === null ? { ...PAGE_PRESETS.broadsheet } : pageSize),
      photos: rest['photos'] ?? [],
      paperEn: rest['paperEn'] ?? '',
      schemaVersion: 1,
    };
  },
};

export type MigrateOutcome =
  | { kind: 'ok'; value: Raw; migratedFrom: number | null }
  | { kind: 'too-new'; version: number }
  | { kind: 'malformed'; reason: string };

export function migrateEdition(input: unknown): MigrateOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { kind: 'malformed', reason: 'edition.json is not an object' };
  }
  let raw = input as Raw;
  const declared = raw['schemaVersion'];
  let version = declared === undefined ? 0 : declared;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'malformed', reason: `schemaVersion ${String(declared)} is not a version number` };
  }
  if (version > SCHEMA_VERSION) return { kind: 'too-new', version };
  const from = version === SCHEMA_VERSION ? null : version;
  while (version < SCHEMA_VERSION) {
    const step = STEPS[version];
    if (!step) return { kind: 'malformed', reason: `no migration from schema version ${version}` };
    raw = step(raw);
    version += 1;
  }
  return { kind: 'ok', value: raw, migratedFrom: from };
}
