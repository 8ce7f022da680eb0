import { useState } from 'react';
import type { StorySummary } from '../../../../shared/contract/contract';
import { StoryStatus } from '../../../../shared/document/schema';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ConfirmDialog, PromptDialog } from '../../app/dialogs';

// The selected story's own actions: 稿件状态, rename, duplicate, delete (to the trash).

type Pending = 'rename' | 'delete' | null;

export function StoryActions({ edition, story, onChanged, onDeleted, onDuplicated, onError }: {
  edition: string;
  story: StorySummary;
  onChanged(): void;
  onDeleted(): void;
  onDuplicated(id: string): void;
  onError(e: unknown): void;
}) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<Pending>(null);
  const run = async (fn: () => Promise<void>) => {
    setPending(null);
    try { await fn(); } catch (e) { onError(e); }
  };
  const pages = story.pages ?? [];
  return (
    <span className="story-actions">
      <label className="field"><span>{t('stories.status')}</span>
        <select name="story-status" value={story.status ?? 'draft'}
          onChange={(e) => void run(async () => { await call('story:set-status', { edition, storyId: story.id, status: StoryStatus.parse(e.target.value) }); onChanged(); })}>
          {StoryStatus.options.map((s) => <option key={s} value={s}>{t(`stories.status.${s}`)}</option>)}
        </select>
      </label>
      {pages.length > 0 && <span className="story-placed">{t('stories.placed', { pages: pages.join(lang === 'en' ? ', ' : '、') })}</span>}
      <button type="button" onClick={() => setPending('rename')}>{t('stories.rename')}</button>
      <button type="button" onClick={() => void run(async () => { const r = await call('story:duplicate', { edition, storyId: story.id }); onDuplicated(r.storyId); })}>{t('stories.duplicate')}</button>
      <button type="button" onClick={() => setPending('delete')}>{t('stories.delete')}</button>
      {pending === 'rename' && (
        <PromptDialog label={t('stories.rename')} field={t('stories.field.title')} initial={story.title} onClose={() => setPending(null)}
          onOk={(title) => void run(async () => { await call('story:rename', { edition, storyId: story.id, title }); onChanged(); })} />
      )}
      {pending === 'delete' && (
        <ConfirmDialog label={t('stories.delete')} okLabel={t('stories.delete')} onClose={() => setPending(null)}
          message={pages.length > 0
            ? t('stories.deleteConfirmPlaced', { title: story.title, pages: pages.join(lang === 'en' ? ', ' : '、') })
            : t('stories.deleteConfirm', { title: story.title })}
          onOk={() => void run(async () => { await call('story:delete', { edition, storyId: story.id }); onDeleted(); })} />
      )}
    </span>
  );
}
