import type { ReactNode } from 'react';
import type { EditionSummary } from '../../../shared/contract/contract';
import { useI18n } from '../i18n';

export type Tab = 'photos' | 'stories' | 'pages';
const TABS: Tab[] = ['photos', 'stories', 'pages'];

interface Props {
  tab: Tab;
  onTab(t: Tab): void;
  editions: EditionSummary[];
  current: string | null;
  onEdition(ref: string): void;
  /** Shows the start screen (特刊列表). */
  onEditions(): void;
  onLanguage(): void;
  host: 'electron' | 'browser';
  /** The newsroom-server badge (issue 12): always visible. */
  status?: ReactNode;
}

export function TopBar({ tab, onTab, editions, current, onEdition, onEditions, onLanguage, host, status }: Props) {
  const { t, lang } = useI18n();
  return (
    <header className="topbar">
      <h1 className="brand">{t('app.title')}</h1>
      <nav className="tabs" role="tablist">
        {TABS.map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'tab active' : 'tab'} onClick={() => onTab(k)}>
            {t(`tab.${k}`)}
          </button>
        ))}
      </nav>
      <button type="button" className="editions-button" onClick={onEditions}>{t('editions.title')}</button>
      <label className="edition-picker">
        <span>{t('app.edition')}</span>
        <select value={current ?? ''} onChange={(e) => onEdition(e.target.value)}>
          {!current && <option value="" disabled>{t('editions.noneOpen')}</option>}
          {editions.map((e) => (
            <option key={e.ref} value={e.ref} disabled={!!e.error}>
              {e.error ? `⚠ ${e.ref} — ${e.error.message[lang]}` : `${e.title} · ${e.issueDate}`}
            </option>
          ))}
        </select>
      </label>
      {status}
      <span className="host-badge">{t(host === 'browser' ? 'app.host.browser' : 'app.host.electron')}</span>
      <button className="lang-switch" onClick={onLanguage} aria-label={t('app.language.label')}>
        {t('app.language')}
      </button>
    </header>
  );
}
