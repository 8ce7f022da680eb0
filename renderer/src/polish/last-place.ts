// Where the user was (issue 17): the desk and the item on it (page, story, photo), so a
// reload opens there rather than on 版面. Kept in sessionStorage, which a reload keeps
// and which belongs to this window and origin only (the browser host's token lives there
// too); the edition itself is reopened from settings' recent editions.

export type PlaceDesk = 'photos' | 'stories' | 'pages' | 'editions';

const KEY = 'edition-desk:place';

interface Place { desk?: PlaceDesk; items?: Partial<Record<string, string>> }

function read(): Place {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Place) : {};
  } catch {
    return {};
  }
}

function write(p: Place): void {
  try { sessionStorage.setItem(KEY, JSON.stringify(p)); } catch { /* storage full or off: nothing to keep */ }
}

export function rememberedDesk(): PlaceDesk | null {
  const d = read().desk;
  return d === 'photos' || d === 'stories' || d === 'pages' || d === 'editions' ? d : null;
}

export function rememberDesk(desk: PlaceDesk): void { write({ ...read(), desk }); }

/** The item last open on a desk of an edition (photos: the library, edition ''). */
export function rememberedItem(desk: PlaceDesk, edition: string): string | null {
  const v = read().items?.[`${desk}:${edition}`];
  return typeof v === 'string' ? v : null;
}

export function rememberItem(desk: PlaceDesk, edition: string, id: string | null): void {
  const p = read();
  const items = { ...(p.items ?? {}) };
  if (id) items[`${desk}:${edition}`] = id; else delete items[`${desk}:${edition}`];
  write({ ...p, items });
}
