import type { SerializedEditorState, SerializedNode } from '../document/lexical-nodes';
import { formatCreditLine } from './credit-lines';
import type { CopyLang } from './markdown-export';
import type { SerializedCredits, SerializedFigure } from './node-types';
import { inlineText } from './source-blocks';

// A story state → plain text for the typesetter and for counting: one block per line
// (a line break inside a paragraph stays a line break), a blank line between blocks.
// Lead-ins, links and formats become their plain words; figures a caption line.

export function figureCaptionLine(f: SerializedFigure, lang: CopyLang): string {
  const tag = lang === 'en' ? '[Photo]' : '[图]';
  const caption = [f.caption?.zh ?? '', f.caption?.en ?? ''].filter((s) => s.trim() !== '').join(' / ');
  return `${tag} ${caption}${f.credit ? ` — ${f.credit}` : ''}`.trimEnd();
}

export function blockText(n: SerializedNode, lang: CopyLang = 'zh'): string {
  switch (n.type) {
    case 'figure': return figureCaptionLine(n as SerializedFigure, lang);
    case 'credits': return ((n as SerializedCredits).credits ?? []).map((c) => formatCreditLine(c, lang)).join('\n');
    case 'list': {
      const ordered = n['listType'] === 'number';
      const start = typeof n['start'] === 'number' ? n['start'] : 1;
      return (n.children ?? []).map((item, i) => `${ordered ? `${start + i}.` : '•'} ${inlineText(item.children ?? [])}`).join('\n');
    }
    default: return inlineText(n.children ?? (typeof n.text === 'string' ? [n] : []));
  }
}

export function exportText(state: SerializedEditorState, lang: CopyLang = 'zh'): string {
  const blocks = state.root.children.map((n) => blockText(n, lang)).filter((t) => t.trim() !== '');
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}
