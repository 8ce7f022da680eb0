import type { StorySummary } from '../../../../shared/contract/contract';
import { useI18n } from '../../i18n';
import { formatTime } from '../editions/TrashDialog';

// One row of the story list: title, 稿件状态, where it is placed (已上版 第 N 版), its 字
// (as the editor counts them) and, when another story has the same title, when it changed.

export function StoryListItem({ story, active, sameTitle, onPick }: { story: StorySummary; active: boolean; sameTitle: boolean; onPick(): void }) {
  const { t, lang } = useI18n();
  const status = story.status ?? 'draft';
  const pages = story.pages ?? [];
  return (
    <li>
      <button className={active ? 'active' : ''} onClick={onPick} data-story-id={story.id}>
        <span className="story-title">{story.title}</span>
        <span className="story-meta">
          <span className={`story-status status-${status}`} data-status={status}>{t(`stories.status.${status}`)}</span>
          {pages.length > 0 && <span className="story-placed">{t('stories.placed', { pages: pages.join(lang === 'en' ? ', ' : '、') })}</span>}
          <span className="story-chars">{t('stories.chars', { n: story.chars })}</span>
          {sameTitle && <span className="story-updated">{formatTime(story.updatedAt, lang)}</span>}
        </span>
      </button>
    </li>
  );
}
