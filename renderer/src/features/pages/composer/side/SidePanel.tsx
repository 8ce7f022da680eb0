import { useState, type ReactNode } from 'react';
import { useI18n } from '../../../../i18n';
import '../threads.css';

// The composer's side panel beside the page, with a tab per kind of content: 稿件 (stories,
// StoryPanel) and 图片 (photos: stream C's PhotoStrip from ../strip/PhotoStrip). A tab
// without content is not shown, so the panel works before the photo strip exists.

// The composer is remounted for every page (keyed by page id): the chosen tab is kept here,
// so a designer dragging photos onto page after page stays on 照片.
let lastTab = 'stories';

export function SidePanel({ stories, photos }: { stories: ReactNode; photos?: ReactNode }) {
  const { t } = useI18n();
  const tabs = [{ id: 'stories', label: t('side.stories'), body: stories }, ...(photos ? [{ id: 'photos', label: t('side.photos'), body: photos }] : [])];
  const [tab, setTabState] = useState(lastTab);
  const setTab = (id: string) => { lastTab = id; setTabState(id); };
  const current = tabs.find((x) => x.id === tab) ?? tabs[0]!;
  return (
    <aside className="side-panel" aria-label={t('side.tabs')}>
      <div className="side-tabs" role="tablist" aria-label={t('side.tabs')}>
        {tabs.map((x) => (
          <button key={x.id} type="button" role="tab" id={`side-tab-${x.id}`} aria-selected={x.id === current.id} aria-controls={`side-panel-${x.id}`} onClick={() => setTab(x.id)}>
            {x.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`side-panel-${current.id}`} aria-labelledby={`side-tab-${current.id}`}>{current.body}</div>
    </aside>
  );
}
