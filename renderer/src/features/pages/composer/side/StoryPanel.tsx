import { useMemo, useState } from 'react';
import type { StorySummary } from '../../../../../../shared/contract/contract';
import type { Page } from '../../../../../../shared/document/schema';
import { useI18n } from '../../../../i18n';
import '../threads.css';

// The edition's stories beside the page (InDesign's Assignments / the 方正 稿件 panel):
// title, count, and where each is placed. Drag a story onto a story frame to put it
// there, or onto empty page to make a frame; "放入所选文框" does the same from the keys.

export const STORY_DRAG_TYPE = 'application/x-edition-desk-story';

interface Props {
  stories: StorySummary[];
  /** The edition's pages in order, as the composer has them now. */
  pages: Page[];
  /** A story frame is selected: the place button puts the story into it. */
  canPlace: boolean;
  onPlace(storyId: string): void;
}

/** The page numbers a story is set on (its frames and from-story blocks). */
export function placedOn(pages: Page[], storyId: string): number[] {
  return pages.flatMap((p, i) => (p.blocks.some((b) => b.storyId === storyId && (b.kind === 'story' || b.fromStory)) ? [i + 1] : []));
}

export function StoryPanel({ stories, pages, canPlace, onPlace }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return stories.filter((s) => !needle || s.title.toLowerCase().includes(needle) || s.id.includes(needle));
  }, [stories, q]);
  return (
    <div className="story-panel">
      <input type="search" name="story-search" aria-label={t('side.search')} placeholder={t('side.search')} value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
      <p className="hint">{t('side.dragHint')}</p>
      {shown.length === 0 && <p className="hint">{t('side.empty')}</p>}
      <ul aria-label={t('side.stories')}>
        {shown.map((s) => {
          const on = placedOn(pages, s.id);
          return (
            <li
              key={s.id}
              draggable
              data-panel-story={s.id}
              onDragStart={(e) => { e.dataTransfer.setData(STORY_DRAG_TYPE, s.id); e.dataTransfer.setData('text/plain', s.title); e.dataTransfer.effectAllowed = 'copy'; }}
            >
              <span className="title">{s.title}</span>
              <span className="meta">
                <span>{t('stories.chars', { n: s.chars })}</span>
                <span className={on.length ? 'placed' : 'unplaced'} data-placed={on.join(',')}>{on.length ? t('side.placed', { pages: on.join('、') }) : t('side.unplaced')}</span>
              </span>
              <button type="button" disabled={!canPlace} title={canPlace ? undefined : t('side.noFrame')} aria-label={`${t('side.place')}：${s.title}`} onClick={() => onPlace(s.id)}>
                {t('side.place')}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
