import { useState } from 'react';
import type { VocabNode } from '../../../../shared/vocab/vocabulary';
import { useI18n } from '../../i18n';

// The keyword tree of the vocabulary panel: a WAI-ARIA tree, one treeitem per keyword, the
// English label beside the Chinese one, [categories] in brackets as Photo Mechanic shows them.

interface Props {
  roots: VocabNode[];
  selected: string | null;
  onSelect(id: string): void;
}

export function VocabTree({ roots, selected, onSelect }: Props) {
  const { t } = useI18n();
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const toggle = (id: string) => setClosed((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const item = (node: VocabNode, level: number) => {
    const open = !closed.has(node.id);
    const word = node.category ? `[${node.label}]` : node.label;
    return (
      <li key={node.id} role="treeitem" aria-level={level} aria-selected={selected === node.id}
        aria-expanded={node.children.length ? open : undefined} aria-label={node.en ? `${word} ${node.en}` : word}>
        <div className={`vocab-row${selected === node.id ? ' selected' : ''}`} style={{ paddingLeft: `${(level - 1) * 16 + 4}px` }}>
          {node.children.length > 0
            ? <button type="button" className="twisty" tabIndex={-1} aria-hidden="true" onClick={() => toggle(node.id)}>{open ? '▾' : '▸'}</button>
            : <span className="twisty" />}
          <button type="button" className="vocab-label" onClick={() => onSelect(node.id)}>
            {node.tilde ? '~' : ''}{word}{node.en && <span className="vocab-en" lang="en">{node.en}</span>}
          </button>
        </div>
        {node.children.length > 0 && open && <ul role="group">{node.children.map((c) => item(c, level + 1))}</ul>}
      </li>
    );
  };
  return roots.length
    ? <ul className="vocab-tree" role="tree" aria-label={t('vocab.tree')}>{roots.map((r) => item(r, 1))}</ul>
    : <p className="hint">{t('vocab.empty')}</p>;
}
