import type { DocKind } from './doc-names';

// Who may change what on a desk server. The server enforces this table (a connection to a
// document its user may not change is read-only there: its updates are dropped before they
// reach the document or anyone else); the desk only uses it to grey out what would be refused.

export const ROLES = ['photographer', 'editor', 'layout', 'proofreader', 'chief'] as const;
export type Role = (typeof ROLES)[number];

const WRITES: Record<Role, readonly DocKind[]> = {
  photographer: ['photos'],
  editor: ['stories', 'story'],
  layout: ['edition', 'page'],
  // A proofreader's fixes are edits to the copy, and 已校对 is a story status.
  proofreader: ['stories', 'story'],
  chief: ['edition', 'page', 'stories', 'story', 'photos'],
};

export function mayWrite(role: Role, kind: DocKind): boolean {
  return WRITES[role].includes(kind);
}

/** Only the chief (值班总编) signs pages off (签发) and reopens them. */
export function maySignOff(role: Role): boolean {
  return role === 'chief';
}

export const ROLE_NAMES: Record<Role, { 'zh-CN': string; en: string }> = {
  photographer: { 'zh-CN': '摄影记者', en: 'Photographer' },
  editor: { 'zh-CN': '文字编辑', en: 'Editor' },
  layout: { 'zh-CN': '美编', en: 'Layout' },
  proofreader: { 'zh-CN': '校对', en: 'Proofreader' },
  chief: { 'zh-CN': '值班总编', en: 'Chief editor' },
};
