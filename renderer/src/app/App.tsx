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

export function App() {
  const [lang, setLang] = useState<UiLanguage>('zh-CN');
  const [tab, setTab] = useState<Tab>('pages');
  const [editions, setEditions] = useState<EditionSummary[]>([]);
  const [ref, setRef] = useState<string | null>(null);
  const [edition, setEdition] = useState<Edition | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [ready, setReady] = useState(false);
  // A switch clicked while settings are still loading must not be undone by their arrival.
  const langChosen = useRef(false);

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
  }, [ref, report]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.title');
  }, [lang]);

  const switchLanguage = () => {
    const next: UiLanguage = lang === 'zh-CN' ? 'en' : 'zh-CN';
    langChosen.current = true;
    setLang(next);
    call('settings:set', { uiLanguage: next }).catch(report);
  };

  return (
    <I18nProvider lang={lang}>
      <div className="app">
        <TopBar
          tab={tab}
          onTab={setTab}
          editions={editions}
          current={ref}
          onEdition={setRef}
          onLanguage={switchLanguage}
          host={hostKind()}
        />
        {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <main className="workspace">
          {!ready ? null : tab === 'photos' ? (
            <PhotoDesk onError={report} />
          ) : !ref ? (
            <p className="empty">{translate(lang, 'app.noEdition')}</p>
          ) : !edition ? (
            <p className="empty">{translate(lang, 'app.loading')}</p>
          ) : tab === 'stories' ? (
            <StoriesView editionRef={ref} onError={report} />
          ) : (
            <PagesView editionRef={ref} edition={edition} onError={report} />
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
