import type { ReactNode } from 'react';
import type { SerializedNode } from '../../../../shared/document/lexical-state';
import { FORMAT } from '../../../../shared/document/lexical-state';

// Renders a stored Lexical state without an editor, for page previews (Koenig's split:
// the view of a story on the page does not need the editing UI).
function textRun(n: SerializedNode, key: number): ReactNode {
  const f = typeof n.format === 'number' ? n.format : 0;
  let out: ReactNode = n.text ?? '';
  if (f & FORMAT.subscript) out = <sub>{out}</sub>;
  if (f & FORMAT.superscript) out = <sup>{out}</sup>;
  if (f & FORMAT.italic) out = <em>{out}</em>;
  if (f & FORMAT.bold) out = <strong className="lead-in">{out}</strong>;
  return <span key={key}>{out}</span>;
}

function inline(children: SerializedNode[] | undefined): ReactNode[] {
  return (children ?? []).map((c, i) => (c.type === 'text' ? textRun(c, i) : c.type === 'linebreak' ? <br key={i} /> : <span key={i}>{inline(c.children)}</span>));
}

export function renderStoryNodes(nodes: SerializedNode[]): ReactNode[] {
  return nodes.map((n, i) => {
    if (n.type === 'heading') {
      const Tag = (['h2', 'h3', 'h4'].includes(String(n.tag)) ? n.tag : 'h3') as 'h2' | 'h3' | 'h4';
      return <Tag key={i}>{inline(n.children)}</Tag>;
    }
    if (n.type === 'quote') return <blockquote key={i}>{inline(n.children)}</blockquote>;
    return <p key={i}>{inline(n.children)}</p>;
  });
}
