import { useCallback, useEffect, useRef, useState } from 'react';
import type { EditionSummary } from '../../../shared/contract/contract';
import type { AppErrorData } from '../../../shared/contract/errors';
import type { Edition } from '../../../shared/document/schema';
import type { UiLanguage } from '../../../shared/settings/schema';
import { ApiError, call, hostKind } from '../api/client';
import { I18nProvider, translate } from '../i18n';
import { ErrorBanner } from './ErrorBanner';
import { TopBar, type Tab } from './TopBar';
import { PhotoDesk } from '../features/photos/PhotoDesk';
import { StoriesView } from '../features/stories/StoriesView';
import { PagesView } from '../features/pages/PagesView';
import { EditionsView } from '../features/editions/EditionsView';
import { CollabContext } from '../collab/collab-context';
import { useCollabStatus } from '../collab/use-collab-status';
import { StatusBadge } from '../collab/StatusBadge';
import { HelpSheet, useHelpKey } from '../polish/HelpSheet';
import { JobProgress } from '../polish/JobProgress';
import { rememberDesk, rememberedDesk } from '../polish/last-place';
import '../polish/polish.css';
import { ArchiveSearch, useArchiveKey } from '../features/archive/ArchiveSearch';
import { actOnHit, pageTarget, type OpenTarget } from '../features/archive/open-hit';
import { useArchiveRebuildJob } from '../features/archive/use-archive-status';
import { SettingsDialog } from '../features/settings/SettingsDialog';

export function App() {
  const [lang, setLang] = useState<UiLanguage>('zh-CN');
  // After a reload: the desk the user was on (issue 17), not always 版面.
  const [tab, setTab] = useState<Tab>(() => { const d = rememberedDesk(); return d && d !== 'editions' ? d : 'pages'; });
  const [editions, setEditions] = useState<EditionSummary[]>([]);
  const [ref, setRef] = useState<string | null>(null);
  const [edition, setEdition] = useState<Edition | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [ready, setReady] = useState(false);
  // The start screen (特刊列表): shown when no edition is open, or asked for in the top bar.
  const [showEditions, setShowEditions] = useState(() => rememberedDesk() === 'editions');
  const [help, setHelp] = useState(false);
  useHelpKey(useCallback(() => setHelp(true), []));
  const [archive, setArchive] = useState(false);
  useArchiveKey(useCallback(() => setArchive(true), []));
  useArchiveRebuildJob();
  const [reopen, setReopen] = useState(0);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A switch clicked while settings are still loading must not be undone by their arrival.
  const langChosen = useRef(false);
  const collab = useCollabStatus(ref);

  const report = useCallback((e: unknown) => {
    setError(e instanceof ApiError ? e.data : { code: 'INTERNAL', message: { 'zh-CN': String(e), en: String(e) } });
  }, []);

  useEffect(() => {
    (async () => {
      const [info, settings, list] = await Promise.all([call('app:info', {}), call('settings:get', {}), call('edition:list', {})]);
      if (!langChosen.current) setLang(settings.uiLanguage);
      setEditions(list);
      const usable = list.filter((e) => !e.error).map((e) => e.ref);
      const recent = settings.recentEditions.find((r) => usable.includes(r));
      setRef(recent ?? info.defaultEdition ?? usable[0] ?? null);
    })().catch(report).finally(() => setReady(true));
  }, [report]);

  useEffect(() => {
    if (!ref) return;
    setEdition(null);
    call('edition:open', { edition: ref }).then(setEdition, report);
  }, [ref, reopen, report]);

  // After a change on the start screen: a fresh list, and the open edition re-read (it may
  // have been renamed) or closed (it may have been deleted).
  const editionsChanged = useCallback(async () => {
    try {
      const list = await call('edition:list', {});
      setEditions(list);
      setRef((r) => (r && list.some((e) => e.ref === r && !e.error) ? r : null));
      setReopen((n) => n + 1);
    } catch (e) { report(e); }
  }, [report]);
  const openEdition = (r: string) => { setRef(r); setShowEditions(false); };
  // A search result opened in its desk, or placed / copied into the open edition (issue 16).
  const openTarget = useCallback((to: OpenTarget) => {
    if (to.edition) setRef(to.edition);
    setTab(to.desk);
    setShowEditions(false);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    // document.title is JobProgress's: the title carries a long job's progress (issue 17).
  }, [lang]);
  const onEditionsScreen = !!ready && (showEditions || (!ref && tab !== 'photos'));
  useEffect(() => { if (ready) rememberDesk(showEditions ? 'editions' : tab); }, [ready, tab, showEditions]);

  const switchLanguage = () => {
    const next: UiLanguage = lang === 'zh-CN' ? 'en' : 'zh-CN';
    langChosen.current = true;
    setLang(next);
    call('settings:set', { uiLanguage: next }).catch(report);
  };

  return (
    <I18nProvider lang={lang}>
      <CollabContext.Provider value={collab}>
      <div className="app">
        <TopBar
          tab={tab}
          onTab={(k) => { setTab(k); setShowEditions(false); }}
          editions={editions}
          current={ref}
          onEdition={openEdition}
          onEditions={() => setShowEditions(true)}
          onLanguage={switchLanguage}
          host={hostKind()}
          status={<>
            <JobProgress />
            <button type="button" className="help-button archive-button" onClick={() => setArchive(true)} aria-label={translate(lang, 'archive.open')} title="Ctrl+K">⌕</button>
            <StatusBadge editionRef={ref} edition={edition} />
            <button type="button" className="help-button" onClick={() => setHelp(true)} aria-label={translate(lang, 'help.open')} title="F1">?</button>
            <button type="button" className="help-button settings-button" onClick={() => setSettingsOpen(true)} aria-label={translate(lang, 'settings.open')} title={translate(lang, 'settings.open')}>⚙</button>
          </>}
        />
        {archive && <ArchiveSearch onClose={() => setArchive(false)} currentEditionId={ref ? edition?.id ?? null : null}
          onAct={(hit, action) => {
            setArchive(false);
            actOnHit(hit, action, ref).then((to) => { if (to) openTarget(to); }, report);
          }} />}
        {settingsOpen && <SettingsDialog onClose={() => setSettingsOpen(false)} onError={report} />}
        {help && <HelpSheet desk={onEditionsScreen ? 'editions' : tab} onClose={() => setHelp(false)} />}
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <main className="workspace">
          {!ready ? null : showEditions || (!ref && tab !== 'photos') ? (
            <EditionsView editions={editions} current={ref} onOpen={openEdition} onCloseEdition={() => { setRef(null); setEdition(null); }}
              onChanged={editionsChanged} onError={report} />
          ) : tab === 'photos' ? (
            <PhotoDesk onError={report} onOpenPage={(r, pageId) => openTarget(pageTarget(r, pageId))} />
          ) : !ref ? null : !edition ? (
            <p className="empty">{translate(lang, 'app.loading')}</p>
          ) : tab === 'stories' ? (
            <StoriesView editionRef={ref} onError={report} />
          ) : (
            <PagesView editionRef={ref} edition={edition} onError={report} />
          )}
        </main>
      </div>
      </CollabContext.Provider>
    </I18nProvider>
  );
}
