import { useState } from 'react';
import type { Page } from '../../../../shared/document/schema';
import { useI18n } from '../../i18n';
import './composer/threads.css';

// The edition's pages in order. Reorder by dragging a page onto another (it goes before
// that page, or after it when dropped on its lower half), or with 上移 / 下移 for the keys
// and screen readers; duplicate and delete (to the workspace trash) per page.

interface Props {
  pages: Page[];
  current: string | null;
  onSelect(id: string): void;
  onReorder(order: string[]): void;
  onDuplicate(p: Page): void;
  onDelete(p: Page): void;
}

const DRAG = 'application/x-edition-desk-page';

export function moved(ids: string[], id: string, to: number): string[] {
  const rest = ids.filter((x) => x !== id);
  rest.splice(Math.max(0, Math.min(rest.length, to)), 0, id);
  return rest;
}

export function PageList({ pages, current, onSelect, onReorder, onDuplicate, onDelete }: Props) {
  const { t } = useI18n();
  const [over, setOver] = useState<string | null>(null);
  const ids = pages.map((p) => p.id);
  const dropOn = (e: React.DragEvent<HTMLLIElement>, target: Page) => {
    const id = e.dataTransfer.getData(DRAG);
    setOver(null);
    if (!id || id === target.id) return;
    e.preventDefault();
    const r = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > r.top + r.height / 2;
    const rest = ids.filter((x) => x !== id);
    onReorder(moved(ids, id, rest.indexOf(target.id) + (after ? 1 : 0)));
  };
  return (
    <ol className="page-list">
      {pages.map((p, i) => {
        const name = t('pages.actionsFor', { n: i + 1, name: p.name });
        return (
          <li
            key={p.id}
            draggable
            className={over === p.id ? 'drag-over' : undefined}
            data-page-row={p.id}
            onDragStart={(e) => { e.dataTransfer.setData(DRAG, p.id); e.dataTransfer.effectAllowed = 'move'; }}
            onDragOver={(e) => { if (Array.from(e.dataTransfer.types).includes(DRAG)) { e.preventDefault(); setOver(p.id); } }}
            onDragLeave={() => setOver((o) => (o === p.id ? null : o))}
            onDrop={(e) => dropOn(e, p)}
          >
            <button className={p.id === current ? 'active' : ''} onClick={() => onSelect(p.id)} data-page-id={p.id} aria-current={p.id === current ? 'page' : undefined}>
              <span className="page-no">{t('pages.number', { n: i + 1 })}</span>
              <span className="page-name">{p.name}</span>
            </button>
            <div className="page-actions" role="group" aria-label={name}>
              <button type="button" aria-label={`${t('pages.up')}：${name}`} disabled={i === 0} onClick={() => onReorder(moved(ids, p.id, i - 1))}>{t('pages.up')}</button>
              <button type="button" aria-label={`${t('pages.down')}：${name}`} disabled={i === pages.length - 1} onClick={() => onReorder(moved(ids, p.id, i + 1))}>{t('pages.down')}</button>
              <button type="button" aria-label={`${t('pages.duplicate')}：${name}`} onClick={() => onDuplicate(p)}>{t('pages.duplicate')}</button>
              <button type="button" aria-label={`${t('pages.delete')}：${name}`} disabled={pages.length === 1} onClick={() => onDelete(p)}>{t('pages.delete')}</button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
