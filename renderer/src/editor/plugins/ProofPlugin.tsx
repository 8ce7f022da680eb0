import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $setSelection } from 'lexical';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { proofDocument, storyDocId, type Finding, type HouseTerm, type Severity, type Speller } from '../../../../shared/proof';
import { domSegments, segmentRange, type DomSegment } from '../proof/dom-segments';
import { editorSpeller } from '../proof/speller';
import '../proof/proof.css';

// Proofreading in the story editor (issue 6). Checks run after a typing pause, in an idle
// callback, never inside a keystroke; findings are shown with the CSS Custom Highlight API
// (ranges over the rendered text, styled by ::highlight(proof-…)) so the Lexical document
// and the saved state stay clean. A side panel lists them: jump, apply the fix, ignore
// (remembered per edition through proof:ignores:*), or the whole edition's list.

const PAUSE_MS = 400;
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

interface Props {
  edition: string | undefined;
  storyId: string;
  lang: 'zh' | 'en';
}

type HighlightCtor = new (...ranges: Range[]) => unknown;
const highlights = (): Map<string, unknown> | null => (globalThis.CSS as unknown as { highlights?: Map<string, unknown> } | undefined)?.highlights ?? null;
const HighlightClass = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;

let termsPromise: Promise<HouseTerm[]> | null = null;
const houseTerms = () => (termsPromise ??= call('settings:get', {}).then((s) => s.proofTerms, () => []));

export function ProofPlugin({ edition, storyId, lang }: Props) {
  const [editor] = useLexicalComposerContext();
  const { t, lang: uiLang } = useI18n();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  const [scope, setScope] = useState<'story' | 'edition'>('story');
  const [editionFindings, setEditionFindings] = useState<Finding[] | null>(null);
  const segments = useRef<Map<string, DomSegment>>(new Map());
  const opts = useRef<{ terms: HouseTerm[]; speller: Speller | null } | null>(null);
  const docId = storyDocId(storyId, lang);

  useEffect(() => {
    if (!edition) return;
    let live = true;
    call('proof:ignores:get', { edition }).then((r) => live && setIgnored(new Set(r.keys)), () => {});
    return () => { live = false; };
  }, [edition]);

  const run = useCallback(() => {
    if (!opts.current) return;
    const segs = domSegments(editor, lang);
    segments.current = new Map(segs.map((s) => [s.id, s]));
    setFindings(proofDocument({ id: docId, segments: segs }, opts.current));
  }, [editor, lang, docId]);

  // Debounced, idle-time runs: an update only (re)arms a timer.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    let live = true;
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const ric = (globalThis as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
        if (ric) idle = ric(run, { timeout: 1000 }); else run();
      }, PAUSE_MS);
    };
    void Promise.all([houseTerms(), lang === 'en' ? editorSpeller() : Promise.resolve(null)]).then(([terms, speller]) => {
      if (!live) return;
      opts.current = { terms, speller };
      schedule();
    });
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      schedule();
    });
    return () => {
      live = false;
      off();
      if (timer) clearTimeout(timer);
      const cic = (globalThis as unknown as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback;
      if (idle !== null && cic) cic(idle);
    };
  }, [editor, lang, run]);

  const open = useMemo(() => findings.filter((f) => !ignored.has(f.key)), [findings, ignored]);

  // Paint the underlines: one highlight per severity, named per editor so two editors
  // (对照 view) do not overwrite each other's.
  useEffect(() => {
    const reg = highlights();
    if (!reg || !HighlightClass) return;
    const names = SEVERITIES.map((s) => `proof-${s}`);
    const bySeverity = new Map<Severity, Range[]>(SEVERITIES.map((s) => [s, []]));
    for (const f of open) {
      const seg = segments.current.get(f.segmentId);
      const r = seg && segmentRange(seg, f.start, f.end);
      if (r) bySeverity.get(f.severity)!.push(r);
    }
    // The registry is global; keep other editors' ranges and replace this editor's.
    const root = editor.getRootElement();
    SEVERITIES.forEach((s, i) => {
      const prev = reg.get(names[i]!) as (Set<Range> & object) | undefined;
      const keep = prev ? [...prev].filter((r) => !root?.contains(r.startContainer)) : [];
      reg.set(names[i]!, new HighlightClass(...keep, ...bySeverity.get(s)!));
    });
    return () => {
      SEVERITIES.forEach((_, i) => {
        const prev = reg.get(names[i]!) as Set<Range> | undefined;
        if (!prev) return;
        reg.set(names[i]!, new HighlightClass(...[...prev].filter((r) => !root?.contains(r.startContainer))));
      });
    };
  }, [open, editor]);

  const jump = (f: Finding) => {
    const seg = segments.current.get(f.segmentId);
    const r = seg && segmentRange(seg, f.start, f.end);
    if (!r) return;
    r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    editor.focus(() => {
      const sel = globalThis.getSelection?.();
      sel?.removeAllRanges();
      sel?.addRange(r);
    });
  };

  const applyFix = (f: Finding) => {
    const seg = segments.current.get(f.segmentId);
    const fix = f.fix;
    const r = seg && fix && segmentRange(seg, fix.start, fix.end);
    if (!r || !fix) return;
    editor.update(() => {
      const sel = $createRangeSelection();
      sel.applyDOMRange(r);
      $setSelection(sel);
      sel.insertText(fix.replacement);
    });
  };

  const ignore = (f: Finding) => {
    const next = new Set(ignored).add(f.key);
    setIgnored(next);
    if (edition) call('proof:ignores:set', { edition, keys: [...next] }).catch(() => {});
  };

  const showEdition = () => {
    setScope('edition');
    if (edition) call('proof:edition', { edition }).then(setEditionFindings, () => setEditionFindings([]));
  };

  const msg = (f: Finding) => (uiLang === 'en' ? f.message.en : f.message.zh);
  const list = scope === 'story' ? open : (editionFindings ?? []).filter((f) => !ignored.has(f.key));
  const counts = SEVERITIES.map((s) => open.filter((f) => f.severity === s).length);

  return (
    <aside className="proof-panel" aria-label={t('proof.title')} data-proof-count={open.length}>
      <header>
        <strong>{t('proof.title')}</strong>
        <span className="proof-counts">{t('proof.counts', { e: counts[0]!, w: counts[1]!, i: counts[2]! })}</span>
        <span className="proof-scope" role="group">
          <button type="button" aria-pressed={scope === 'story'} onClick={() => setScope('story')}>{t('proof.scope.story')}</button>
          <button type="button" aria-pressed={scope === 'edition'} onClick={showEdition} disabled={!edition}>{t('proof.scope.edition')}</button>
        </span>
      </header>
      {scope === 'edition' && editionFindings === null ? <p>{t('proof.running')}</p> : list.length === 0 ? <p className="proof-none">{t('proof.none')}</p> : (
        <ul>
          {list.map((f) => (
            <li key={`${f.docId}|${f.key}|${f.start}`} className={`proof-item ${f.severity}`} data-rule={f.ruleId}>
              <button type="button" className="proof-jump" onClick={() => jump(f)} disabled={f.docId !== docId} title={f.standard}>
                <span className={`proof-sev ${f.severity}`}>{t(`proof.severity.${f.severity}`)}</span> {msg(f)}
                {f.docId !== docId ? <span className="proof-where"> · {f.docId}</span> : null}
              </button>
              {f.fix && f.docId === docId ? <button type="button" className="proof-fix" onClick={() => applyFix(f)}>{t('proof.fix')}</button> : null}
              <button type="button" className="proof-ignore" onClick={() => ignore(f)}>{t('proof.ignore')}</button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
