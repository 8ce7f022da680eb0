import type { Role } from '../../../shared/collab/roles';
import { ROLES } from '../../../shared/collab/roles';

// Who is where on a shared edition, carried by the awareness of the edition's document
// (edition/<remoteId>): every desk with the edition open publishes {user, where}. Awareness
// states come from other desks, so they are read defensively: a malformed one is skipped.

export interface PresenceUser { name: string; role: Role; color: string }
export type Where =
  | { pageId: string; blockId: string | null }
  | { storyId: string; lang: 'zh' | 'en' }
  | null;
export interface PresenceState { user: PresenceUser; where: Where }
export interface Peer extends PresenceState { clientId: number }

// Distinct on paper-white and readable under white label text.
const PALETTE = ['#c0392b', '#2e86c1', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#b7950b', '#c2185b', '#5d6d7e', '#1f618d'];

/** One colour per user name, the same on every desk (so a name keeps its colour everywhere). */
export function colorFor(name: string): string {
  // FNV-1a: short names that differ in one letter still spread over the palette.
  let h = 0x811c9dc5;
  for (const ch of name) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

const isStr = (v: unknown, max = 200): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;

function parseWhere(w: unknown): Where {
  if (!w || typeof w !== 'object') return null;
  const o = w as Record<string, unknown>;
  if (isStr(o.pageId)) return { pageId: o.pageId, blockId: isStr(o.blockId) ? o.blockId : null };
  if (isStr(o.storyId) && (o.lang === 'zh' || o.lang === 'en')) return { storyId: o.storyId, lang: o.lang };
  return null;
}

/** The other desks' presence, one entry per awareness client, sorted by name. */
export function peersOf(states: Map<number, unknown>, selfId: number): Peer[] {
  const out: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfId || !raw || typeof raw !== 'object') continue;
    const u = (raw as Record<string, unknown>).user as Record<string, unknown> | undefined;
    if (!u || !isStr(u.name, 40) || !ROLES.includes(u.role as Role)) continue;
    const color = isStr(u.color, 20) && /^#[0-9a-f]{3,8}$/i.test(u.color) ? u.color : colorFor(u.name);
    out.push({ clientId, user: { name: u.name, role: u.role as Role, color }, where: parseWhere((raw as Record<string, unknown>).where) });
  }
  return out.sort((a, b) => a.user.name.localeCompare(b.user.name, 'zh-CN') || a.clientId - b.clientId);
}

/** Frames of one page that other desks have selected: block id → who. */
export function framesTaken(peers: Peer[], pageId: string): Map<string, PresenceUser[]> {
  const out = new Map<string, PresenceUser[]>();
  for (const p of peers) {
    if (p.where && 'pageId' in p.where && p.where.pageId === pageId && p.where.blockId) {
      out.set(p.where.blockId, [...(out.get(p.where.blockId) ?? []), p.user]);
    }
  }
  return out;
}

/**
 * Photos in use on other desks: a photo placed on a page someone else has open.
 * `pages` maps page id → the photo ids its frames hold (edition photo ids or library hashes).
 */
export function photosInUse(peers: Peer[], pages: ReadonlyMap<string, readonly string[]>): Map<string, PresenceUser[]> {
  const out = new Map<string, PresenceUser[]>();
  for (const p of peers) {
    if (!p.where || !('pageId' in p.where)) continue;
    for (const photo of pages.get(p.where.pageId) ?? []) {
      const list = out.get(photo) ?? [];
      if (!list.some((u) => u.name === p.user.name)) out.set(photo, [...list, p.user]);
    }
  }
  return out;
}
