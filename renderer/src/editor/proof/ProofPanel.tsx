import { useState } from 'react';
import type { Finding, Severity } from '../../../../shared/proof/types';
import { useI18n } from '../../i18n';
import { TermsDialog } from './TermsDialog';

// The proofreading side panel under a story editor: counts, the story/edition switch, the
// list with jump, fix and ignore, and the house term list dialog.

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

interface Props {
  open: readonly Finding[];
  list: readonly Finding[];
  scope: 'story' | 'edition';
  running: boolean;
  /** The 错别字 tables are still on their way: the list has every other rule's findings. */
  typoLoading?: boolean;
  canEdition: boolean;
  /** Whether a finding can be jumped to (this story, or another story the host can open). */
  canJump(f: Finding): boolean;
  isHere(f: Finding): boolean;
  onScope(s: 'story' | 'edition'): void;
  onJump(f: Finding): void;
  onFix(f: Finding): void;
  onIgnore(f: Finding): void;
  /** Story id → title, for findings in other stories. */
  titles?: ReadonlyMap<string, string>;
}

/** "标题 · 中" for a finding's document id "story-2026/zh"; the id itself when unknown. */
function whereOf(docId: string, titles: ReadonlyMap<string, string> | undefined): string {
  const m = /^(.+)\/(zh|en)$/.exec(docId);
  const title = m ? titles?.get(m[1]!) : undefined;
  return title ? `${title.length > 16 ? `${title.slice(0, 16)}…` : title} · ${m![2] === 'zh' ? '中' : 'EN'}` : docId;
}

export function ProofPanel({ open, list, scope, running, typoLoading = false, canEdition, canJump, isHere, onScope, onJump, onFix, onIgnore, titles }: Props) {
  const { t, lang: uiLang } = useI18n();
  const [terms, setTerms] = useState(false);
  const msg = (f: Finding) => (uiLang === 'en' ? f.message.en : f.message.zh);
  const counts = SEVERITIES.map((s) => open.filter((f) => f.severity === s).length);

  return (
    <aside className="proof-panel" aria-label={t('proof.title')} data-proof-count={open.length}>
      <header>
        <strong>{t('proof.title')}</strong>
        <span className="proof-counts">{t('proof.counts', { e: counts[0]!, w: counts[1]!, i: counts[2]! })}</span>
        <span className="proof-scope" role="group">
          <button type="button" aria-pressed={scope === 'story'} onClick={() => onScope('story')}>{t('proof.scope.story')}</button>
          <button type="button" aria-pressed={scope === 'edition'} onClick={() => onScope('edition')} disabled={!canEdition}>{t('proof.scope.edition')}</button>
        </span>
        <button type="button" className="proof-terms" onClick={() => setTerms(true)}>{t('proof.terms')}</button>
      </header>
      {typoLoading && scope === 'story' ? <p className="proof-typo-loading" role="status">{t('proof.typoLoading')}</p> : null}
      {running ? <p>{t('proof.running')}</p> : list.length === 0 ? <p className="proof-none">{t('proof.none')}</p> : (
        <ul>
          {list.map((f) => (
            <li key={`${f.docId}|${f.key}|${f.start}`} className={`proof-item ${f.severity}`} data-rule={f.ruleId} data-doc={f.docId}>
              <button type="button" className="proof-jump" onClick={() => onJump(f)} disabled={!canJump(f)} title={isHere(f) ? f.standard : `${f.standard} · ${t('proof.openStory')}`}>
                <span className={`proof-sev ${f.severity}`}>{t(`proof.severity.${f.severity}`)}</span> {msg(f)}
                {!isHere(f) ? <span className="proof-where" title={f.docId}> · {whereOf(f.docId, titles)}</span> : null}
              </button>
              {f.fix && isHere(f) ? <button type="button" className="proof-fix" onClick={() => onFix(f)}>{t('proof.fix')}</button> : null}
              <button type="button" className="proof-ignore" onClick={() => onIgnore(f)}>{t('proof.ignore')}</button>
            </li>
          ))}
        </ul>
      )}
      {terms && <TermsDialog onClose={() => setTerms(false)} />}
    </aside>
  );
}
