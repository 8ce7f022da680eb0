import type { ReactNode } from 'react';
import type { SerializedNode } from '../../../../shared/document/lexical-state';
import { FORMAT } from '../../../../shared/document/lexical-state';
import type { Credit } from '../../../../shared/document/schema';
import { libraryUrl } from '../../api/client';

// Renders a stored story (shared/story/node-types.ts) without an editor, for the page
// preview (Koenig's split: the page's view of a story needs no editing UI). Older stories
// with Lexical's own heading/quote nodes still render.
function textRun(n: SerializedNode, key: number): ReactNode {
  const f = typeof n.format === 'number' ? n.format : 0;
  let out: ReactNode = n.text ?? '';
  if (f & FORMAT.subscript) out = <sub>{out}</sub>;
  if (f & FORMAT.superscript) out = <sup>{out}</sup>;
  if (f & FORMAT.italic) out = <em>{out}</em>;
  if (n.type === 'lead-in' || f & FORMAT.bold) out = <strong className={n.type === 'lead-in' ? 'lead-in' : undefined}>{out}</strong>;
  return <span key={key}>{out}</span>;
}

function inline(children: SerializedNode[] | undefined): ReactNode[] {
  return (children ?? []).map((c, i) => {
    if (c.type === 'text' || c.type === 'lead-in') return textRun(c, i);
    if (c.type === 'linebreak') return <br key={i} />;
    if (c.type === 'link') return <span key={i} className="link">{inline(c.children)}</span>;
    return <span key={i}>{inline(c.children)}</span>;
  });
}

function block(n: SerializedNode, i: number): ReactNode {
  switch (n.type) {
    case 'section-heading': {
      const Tag = (['h2', 'h3', 'h4'] as const)[Math.min(2, Math.max(0, Number(n['level'] ?? 1) - 1))]!;
      return <Tag key={i}>{inline(n.children)}</Tag>;
    }
    case 'heading': {
      const Tag = (['h2', 'h3', 'h4'].includes(String(n.tag)) ? n.tag : 'h3') as 'h2' | 'h3' | 'h4';
      return <Tag key={i}>{inline(n.children)}</Tag>;
    }
    case 'kicker': case 'headline': case 'deck':
      return <p key={i} className={`story-${n.type}`}>{inline(n.children)}</p>;
    case 'pull-quote': case 'quote':
      return <blockquote key={i}>{inline(n.children)}</blockquote>;
    case 'list': {
      const Tag = n['listType'] === 'number' ? 'ol' : 'ul';
      return <Tag key={i}>{(n.children ?? []).map((li, j) => <li key={j}>{inline(li.children)}</li>)}</Tag>;
    }
    case 'figure': {
      const cap = n['caption'] as { zh?: string } | undefined;
      return (
        <figure key={i} className="story-figure">
          <img src={libraryUrl(String(n['photoId'] ?? ''), 'preview')} alt={cap?.zh ?? ''} />
          <figcaption>{cap?.zh}</figcaption>
        </figure>
      );
    }
    case 'credits':
      return (
        <dl key={i} className="credits">
          {((n['credits'] as Credit[] | undefined) ?? []).map((c) => (<div key={c.role}><dt>{c.role}</dt><dd>{c.names.join(' ')}</dd></div>))}
        </dl>
      );
    default:
      return <p key={i}>{inline(n.children)}</p>;
  }
}

export function renderStoryNodes(nodes: SerializedNode[]): ReactNode[] {
  return nodes.map(block);
}
