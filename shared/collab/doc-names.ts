import { Id } from '../document/ids';

// The names of the shared (Yjs) documents of an edition on a desk server. One name
// per unit a role may change, so the server can decide write access by the name alone:
//   edition/<ed>              title, date, size, page order          (layout, chief)
//   page/<ed>/<page>          one page's grid and blocks              (layout, chief; signed → chief)
//   stories/<ed>              story titles and statuses               (editor, proofreader, chief)
//   story/<ed>/<story>/<lang> one language version of a story (Lexical over Yjs) (editor, proofreader, chief)
//   photos/<ed>               the edition's photos and their captions (photographer, chief)

export type DocRef =
  | { kind: 'edition'; editionId: string }
  | { kind: 'page'; editionId: string; pageId: string }
  | { kind: 'stories'; editionId: string }
  | { kind: 'story'; editionId: string; storyId: string; lang: 'zh' | 'en' }
  | { kind: 'photos'; editionId: string };
export type DocKind = DocRef['kind'];
export const DOC_KINDS: readonly DocKind[] = ['edition', 'page', 'stories', 'story', 'photos'];

export function docName(ref: DocRef): string {
  switch (ref.kind) {
    case 'edition': return `edition/${ref.editionId}`;
    case 'page': return `page/${ref.editionId}/${ref.pageId}`;
    case 'stories': return `stories/${ref.editionId}`;
    case 'story': return `story/${ref.editionId}/${ref.storyId}/${ref.lang}`;
    case 'photos': return `photos/${ref.editionId}`;
  }
}

const isId = (s: string | undefined): s is string => s !== undefined && Id.safeParse(s).success;

/** The document a name stands for, or null for anything else (refused by server and desk alike). */
export function parseDocName(name: string): DocRef | null {
  if (typeof name !== 'string' || name.length > 300) return null;
  const [kind, ed, a, b, ...rest] = name.split('/');
  if (rest.length > 0 || !isId(ed)) return null;
  switch (kind) {
    case 'edition': return a === undefined ? { kind, editionId: ed } : null;
    case 'stories': return a === undefined ? { kind, editionId: ed } : null;
    case 'photos': return a === undefined ? { kind, editionId: ed } : null;
    case 'page': return isId(a) && b === undefined ? { kind, editionId: ed, pageId: a } : null;
    case 'story': return isId(a) && (b === 'zh' || b === 'en') ? { kind, editionId: ed, storyId: a, lang: b } : null;
    default: return null;
  }
}
