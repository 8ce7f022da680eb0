import { useCallback, useEffect, useState } from 'react';
import type { StorySummary } from '../../../../shared/contract/contract';
import type { Story } from '../../../../shared/document/schema';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { StoryEditor } from '../../editor/StoryEditor';

export function StoriesView({ editionRef, onError }: { editionRef: string; onError(e: unknown): void }) {
  const { t } = useI18n();
  const [list, setList] = useState<StorySummary[]>([]);
  const [storyId, setStoryId] = useState<string | null>(null);
  const [story, setStory] = useState<Story | null>(null);
  const [lang, setLang] = useState<'zh' | 'en'>('zh');

  const refresh = useCallback(() => call('story:list', { edition: editionRef }).then(setList, onError), [editionRef, onError]);
  useEffect(() => { void refresh(); }, [refresh]);

  useEffect(() => {
    setStory(null);
    if (!storyId) return;
    call('story:get', { edition: editionRef, storyId }).then(setStory, onError);
  }, [storyId, editionRef, onError]);

  const save = useCallback(async (next: Story) => {
    const { updatedAt } = await call('story:put', { edition: editionRef, story: next });
    setStory({ ...next, updatedAt });
    void refresh();
    return updatedAt;
  }, [editionRef, refresh]);

  return (
    <section className="stories">
      <aside className="sidebar">
        <h2>{t('stories.list')}</h2>
        <ul className="story-list">
          {list.map((s) => (
            <li key={s.id}>
              <button className={s.id === storyId ? 'active' : ''} onClick={() => setStoryId(s.id)} data-story-id={s.id}>
                <span className="story-title">{s.title}</span>
                <span className="story-chars">{t('stories.chars', { n: s.chars })}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="story-pane">
        {!story ? (
          <p className="empty">{t('stories.pick')}</p>
        ) : (
          <>
            <div className="story-head">
              <h2 className="story-heading">{story.title}</h2>
              <div className="seg" role="tablist">
                {(['zh', 'en'] as const).map((l) => (
                  <button key={l} role="tab" aria-selected={lang === l} className={lang === l ? 'active' : ''} onClick={() => setLang(l)}>
                    {t(`stories.lang.${l}`)}
                  </button>
                ))}
              </div>
            </div>
            <StoryEditor key={`${story.id}:${lang}`} story={story} lang={lang} onSave={save} onError={onError} />
          </>
        )}
      </div>
    </section>
  );
}
