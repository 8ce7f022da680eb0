import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelection, $setSelection } from 'lexical';
import { call } from '../../api/client';
import { storyDocId, storyOfDocId, type Finding, type HouseTerm, type Speller } from '../../../../shared/proof';
import { blockPathRange, domSegments, fieldSelect, segmentRange, type DomSegment } from '../proof/dom-segments';
import { editorSpeller } from '../proof/speller';
import { cscTableSettled, editionTypoLevel, editorCscModel } from '../proof/csc';
import type { CscModel } from '../../../../shared/proof/csc/model';
import { IncrementalProof } from '../../../../shared/proof/incremental';
import type { TypoLevel } from '../../../../shared/proof/csc/detect';
import { houseTerms, onHouseTerms } from '../proof/house-terms';
import { editionProofOptions } from '../proof/edition-proof-options';
import { ProofPanel, SEVERITIES } from '../proof/ProofPanel';
import { VisibleHighlights, type BlockRanges } from '../proof/visible-highlights';
import '../proof/proof.css';
import { scrollIntoViewSettled } from '../scroll-settled';

// Proofreading in the story editor (issue 6). Checks run after a typing pause, in an idle
// callback, never inside a keystroke; findings are shown with the CSS Custom Highlight API
// (ranges over the rendered text, styled by ::highlight(proof-…)) so the Lexical document
// and the saved state stay clean. A side panel lists them: jump, apply the fix, ignore
// (remembered per edition through proof:ignores:*), or the whole edition's list, whose
// findings in other stories open that story through the host (onOpenFinding).

const PAUSE_MS = 400;

interface Props {
  edition: string | undefined;
  storyId: string;
  lang: 'zh' | 'en';
  /** Opens another story of the edition at a finding of the edition list. */
  onOpenFinding?: (f: Finding) => void;
  /** A finding of the edition list to select once this editor has proofread its copy. */
  jumpTo?: Finding | null;
}

function withoutFix(f: Finding): Finding {
  const { fix: _fix, ...rest } = f;
  return rest;
}


export function ProofPlugin({ edition, storyId, lang, onOpenFinding, jumpTo }: Props) {
  const [editor] = useLexicalComposerContext();
  const [findings, setFindings] = useState<Finding[]>([]);
  const [ignored, setIgnored] = useState<Set<string>>(new Set());
  // Opened at a finding of the edition list: stay in the edition view to walk on through it.
  const [scope, setScope] = useState<'story' | 'edition'>(jumpTo ? 'edition' : 'story');
  const [editionFindings, setEditionFindings] = useState<Finding[] | null>(null);
  // The 错别字 tables asked for and not yet in (shown in the panel, so findings that come a
  // moment later are no surprise).
  const [typoLoading, setTypoLoading] = useState(false);
  const segments = useRef<Map<string, DomSegment>>(new Map());
  const own = useRef<Finding[]>([]);
  const opts = useRef<{ terms: HouseTerm[]; speller: Speller | null; flagStackedMarks?: boolean; csc: CscModel | null; typoLevel: TypoLevel } | null>(null);
  const pendingJump = useRef<Finding | null>(jumpTo ?? null);
  // Findings kept per paragraph: a pause re-reads the paragraphs that changed (issue 15).
  const incremental = useRef(new IncrementalProof());
  const docId = storyDocId(storyId, lang);

  useEffect(() => {
    if (!edition) return;
    let live = true;
    call('proof:ignores:get', { edition }).then((r) => live && setIgnored(new Set(r.keys)), () => {});
    return () => { live = false; };
  }, [edition]);

  // Story titles, so the whole-edition list says which story a finding is in.
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const loadEdition = useCallback(() => {
    if (!edition) return;
    setEditionFindings(null);
    call('proof:edition', { edition }).then(setEditionFindings, () => setEditionFindings([]));
    call('story:list', { edition }).then((l) => setTitles(new Map(l.map((s) => [s.id, s.title]))), () => {});
  }, [edition]);
  useEffect(() => { if (scope === 'edition') loadEdition(); }, [scope, loadEdition]);

  const select = useCallback((r: Range | null, el?: Element | null) => {
    // Settled: the blocks near the target take their real heights as they come into view.
    const target = r?.startContainer.parentElement ?? el;
    if (target) scrollIntoViewSettled(target);
    if (!r) return;
    editor.focus(() => {
      const sel = globalThis.getSelection?.();
      sel?.removeAllRanges();
      sel?.addRange(r);
    });
  }, [editor]);

  /** The DOM range of a finding: this editor's own, or one of the edition list for this story. */
  const locate = useCallback((f: Finding, fromEdition: boolean): { range: Range | null; el?: Element | null; finding: Finding | null; seg?: DomSegment } => {
    // An edition finding's segment id is a block path; the same finding in this editor's own
    // run (same key) has a Lexical key and the offsets of the copy as it is now.
    const mine = fromEdition ? own.current.find((x) => x.key === f.key) ?? null : f;
    if (mine) {
      const seg = segments.current.get(mine.segmentId);
      return { range: seg ? segmentRange(seg, mine.start, mine.end) : null, finding: mine, ...(seg ? { seg } : {}) };
    }
    const at = blockPathRange(editor, f.segmentId, f.start, f.end); // edition-only rules (bylines, name variants)
    return { range: at?.range ?? null, el: at?.el, finding: null };
  }, [editor]);

  const show = useCallback((at: ReturnType<typeof locate>) => {
    if (at.seg && at.seg.nodes.length === 0 && at.finding) fieldSelect(editor, at.seg, at.finding.start, at.finding.end);
    else select(at.range, at.el);
  }, [editor, select]);

  const run = useCallback(() => {
    if (!opts.current) return;
    const segs = domSegments(editor, lang);
    segments.current = new Map(segs.map((s) => [s.id, s]));
    // A caption's text is edited in a form field (and may be the photo library's): no fix
    // through a Lexical selection there, only the finding.
    own.current = incremental.current.run({ id: docId, segments: segs }, opts.current).map((f) => (f.fix && segments.current.get(f.segmentId)?.nodes.length === 0 ? withoutFix(f) : f));
    setFindings(own.current);
    const pending = pendingJump.current;
    if (pending && pending.docId === docId) {
      pendingJump.current = null;
      show(locate(pending, true));
    }
  }, [editor, lang, docId, locate, show]);

  // Debounced, idle-time runs: an update only (re)arms a timer.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let idle: number | null = null;
    let live = true;
    // The editor's frame says whether a run is due (data-proof-pending), so a test or the
    // edition list can wait for the findings of the copy as it is; one attribute, no render.
    const frame = () => editor.getRootElement()?.closest<HTMLElement>('.story-editor') ?? null;
    const ric = (globalThis as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    // The 错别字 tables (issue 14, 12 MB) are asked for only after the first run has shown the
    // other rules' findings and the editor has had an idle moment: opening a story, typing
    // into it and a shared document's first messages never wait for them. Until they are in,
    // a Chinese version's run is not final, so the frame stays pending (tests wait on that).
    let cscDue = false;
    let cscAsked = false;
    const settled = () => {
      const f = frame();
      if (f && timer === null && idle === null && !cscDue) delete f.dataset['proofPending'];
    };
    const askCsc = () => {
      if (!cscDue || cscAsked) return;
      cscAsked = true;
      const load = () => void editorCscModel().then((csc) => {
        if (!live) return;
        cscDue = false;
        setTypoLoading(false);
        if (csc && opts.current) { opts.current = { ...opts.current, csc }; schedule(); } else settled();
      });
      if (ric) ric(load, { timeout: 2000 }); else load();
    };
    const runNow = () => {
      idle = null;
      run();
      settled();
      askCsc();
    };
    const schedule = () => {
      const f = frame();
      if (f && f.dataset['proofPending'] === undefined) f.dataset['proofPending'] = '';
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        if (ric) idle = ric(runNow, { timeout: 1000 }); else runNow();
      }, PAUSE_MS);
    };
    // A list saved in the dialog while the options below are still loading: the run they
    // start takes it, not the list asked for before the save.
    let savedMeanwhile: HouseTerm[] | null = null;
    // The 错别字 check only for a Chinese version (issue 14), with the edition's setting.
    const zh = lang === 'zh';
    void Promise.all([
      houseTerms(),
      lang === 'en' ? editorSpeller() : Promise.resolve(null),
      zh && edition ? editionTypoLevel(edition) : Promise.resolve('normal' as const),
      editionProofOptions(edition),
    ]).then(([terms, speller, typoLevel, house]) => {
      if (!live) return;
      cscDue = zh && typoLevel !== 'off';
      setTypoLoading(cscDue && !cscTableSettled());
      opts.current = { terms: savedMeanwhile ?? terms, speller, csc: null, typoLevel, ...house };
      schedule();
    });
    // A new term list from the dialog: proofread again with it.
    const offTerms = onHouseTerms((terms) => {
      if (!opts.current) { savedMeanwhile = terms; return; }
      opts.current = { ...opts.current, terms };
      schedule();
    });
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return; // selection only
      schedule();
    });
    return () => {
      live = false;
      off();
      offTerms();
      if (timer) clearTimeout(timer);
      const cic = (globalThis as unknown as { cancelIdleCallback?: (id: number) => void }).cancelIdleCallback;
      if (idle !== null && cic) cic(idle);
    };
  }, [editor, lang, run, edition]);

  // The edition list follows a new term list too.
  useEffect(() => onHouseTerms(() => { if (scope === 'edition') loadEdition(); }), [scope, loadEdition]);

  // A jump asked for while this editor is already open (the 对照 view's other language).
  useEffect(() => {
    if (!jumpTo || jumpTo.docId !== docId) return;
    pendingJump.current = jumpTo;
    if (opts.current) run();
  }, [jumpTo, docId, run]);

  const open = useMemo(() => findings.filter((f) => !ignored.has(f.key)), [findings, ignored]);

  // Paint the underlines: one highlight per severity, this editor's ranges beside the other
  // editor's (对照 view), for the blocks near the screen (visible-highlights.ts).
  // One painter for the editor's life, so blocks that keep their findings stay painted.
  const painter = useRef<VisibleHighlights | null>(null);
  useEffect(() => {
    const root = editor.getRootElement();
    if (!root) return;
    const p = new VisibleHighlights(root, SEVERITIES);
    painter.current = p;
    return () => { p.dispose(); if (painter.current === p) painter.current = null; };
  }, [editor]);
  useEffect(() => {
    const blocks = new Map<string, BlockRanges>();
    for (const f of open) {
      const seg = segments.current.get(f.segmentId);
      const r = seg && segmentRange(seg, f.start, f.end);
      const el = r && editor.getElementByKey(f.segmentId);
      if (!r || !el) continue;
      let b = blocks.get(f.segmentId);
      if (!b) blocks.set(f.segmentId, (b = { el, ranges: [] }));
      b.ranges.push({ severity: f.severity, range: r });
    }
    painter.current?.set([...blocks.values()]);
  }, [open, editor]);

  const fromEdition = scope === 'edition';
  const isHere = (f: Finding) => f.docId === docId;
  const canJump = (f: Finding) => isHere(f) || (onOpenFinding !== undefined && storyOfDocId(f.docId) !== null);

  const jump = (f: Finding) => {
    if (!isHere(f)) { onOpenFinding?.(f); return; }
    show(locate(f, fromEdition));
  };

  const applyFix = (f: Finding) => {
    const mine = locate(f, fromEdition).finding;
    const seg = mine && segments.current.get(mine.segmentId);
    const fix = mine?.fix;
    const r = seg && fix && segmentRange(seg, fix.start, fix.end);
    if (!r || !fix) return;
    editor.update(() => {
      const sel = $createRangeSelection();
      sel.applyDOMRange(r);
      $setSelection(sel);
      sel.insertText(fix.replacement);
    });
    if (fromEdition) setEditionFindings((l) => l && l.filter((x) => x !== f));
  };

  const ignore = (f: Finding) => {
    const next = new Set(ignored).add(f.key);
    setIgnored(next);
    if (edition) call('proof:ignores:set', { edition, keys: [...next] }).catch(() => {});
  };

  const changeScope = (s: 'story' | 'edition') => {
    if (s === 'edition' && scope === 'edition') loadEdition(); // pressed again: refresh
    setScope(s);
  };

  const list = scope === 'story' ? open : (editionFindings ?? []).filter((f) => !ignored.has(f.key));

  return (
    <ProofPanel open={open} list={list} scope={scope} running={scope === 'edition' && editionFindings === null} typoLoading={typoLoading} canEdition={!!edition}
      canJump={canJump} isHere={isHere} onScope={changeScope} onJump={jump} onFix={applyFix} onIgnore={ignore} titles={titles} />
  );
}
