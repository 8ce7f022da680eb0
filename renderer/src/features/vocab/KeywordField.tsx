import { useLayoutEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { expandCodesAtCaret, type CodeReplacement } from '../../../../shared/photo/code-replace';
import type { Vocabulary } from '../../../../shared/vocab/vocabulary';
import { keywordsFor } from '../../../../shared/vocab/vocabulary';
import { completeKeyword, currentToken, type Completion } from '../../../../shared/vocab/complete';
import { useI18n } from '../../i18n';

// The caption panel's keyword field with the vocabulary's completion (issue 16): typing 党
// offers 党参 under 产业; picking one writes the keyword, and with 包括上级 (Photo Mechanic's
// "apply parents") its parents, into the field, and its path for lr:hierarchicalSubject.
// A free keyword can still be typed: the vocabulary helps, it does not forbid (as in PM).

interface Props {
  value: string;
  onChange(v: string): void;
  /** Code replacements expand here as in the other caption fields (CodeField.tsx). */
  codes: CodeReplacement[];
  vocabulary: Vocabulary;
  /** A keyword picked from the tree: its lr:hierarchicalSubject path. */
  onPath(path: string): void;
  includeParents: boolean;
  onIncludeParents(v: boolean): void;
}

const SPLIT = /[,，、;；]/u;

export function KeywordField({ value, onChange, codes, vocabulary, onPath, includeParents, onIncludeParents }: Props) {
  const { t, lang } = useI18n();
  const ref = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caret.current !== null && ref.current) { ref.current.setSelectionRange(caret.current, caret.current); caret.current = null; }
  }, [value]);
  const change = (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.target;
    setOpen(true);
    setActive(0);
    if ((e.nativeEvent as InputEvent).isComposing) { onChange(el.value); return; }
    const r = expandCodesAtCaret(el.value, el.selectionStart ?? el.value.length, codes, 'zh');
    if (r.text !== el.value) caret.current = r.caret;
    onChange(r.text);
  };
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const { before, token } = currentToken(value);
  const hits = useMemo(() => (open ? completeKeyword(vocabulary.roots, token) : []), [open, vocabulary, token]);
  const shown = open && hits.length > 0;

  const pick = (c: Completion) => {
    const { flat, hierarchical } = keywordsFor(c.path, includeParents);
    const have = before.split(SPLIT).map((k) => k.trim()).filter(Boolean);
    const next = [...have, ...flat.filter((k) => !have.includes(k))];
    onChange(next.length ? `${next.join(', ')}, ` : '');
    if (!c.node.category) onPath(hierarchical);
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing || e.keyCode === 229 || !shown) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setActive((i) => (i + 1) % hits.length); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setActive((i) => (i - 1 + hits.length) % hits.length); }
    else if (e.key === 'Enter' || e.key === 'Tab') { e.preventDefault(); e.stopPropagation(); pick(hits[Math.min(active, hits.length - 1)]!); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setOpen(false); }
  };

  const label = (c: Completion) => (lang === 'en' && c.node.en ? c.node.en : c.node.label);
  return (
    <div className="field field-keywords keyword-field">
      <label htmlFor="caption-keywords">{t('caption.keywords')}</label>
      <div className="kw-input">
        <input ref={ref} id="caption-keywords" name="keywords" value={value} role="combobox" aria-expanded={shown} aria-controls="keyword-completions"
          aria-autocomplete="list" autoComplete="off" aria-activedescendant={shown ? `keyword-option-${active}` : undefined}
          onChange={change}
          onKeyDown={onKeyDown} onBlur={() => setOpen(false)} />
        {shown && (
          <ul id="keyword-completions" role="listbox" aria-label={t('vocab.completions')} className="keyword-completions">
            {hits.map((c, i) => (
              <li key={c.node.id} id={`keyword-option-${i}`} role="option" aria-selected={i === active}
                onMouseDown={(e) => { e.preventDefault(); pick(c); }} onMouseEnter={() => setActive(i)}>
                <span className="kw-label">{label(c)}</span>
                {lang !== 'en' && c.node.en && <span className="kw-en" lang="en">{c.node.en}</span>}
                {c.path.length > 1 && <span className="kw-path">{c.path.slice(0, -1).map((n) => (lang === 'en' && n.en ? n.en : n.label)).join(' › ')}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <label className="keyword-parents">
        <input type="checkbox" name="include-parents" checked={includeParents} onChange={(e) => onIncludeParents(e.target.checked)} />
        {t('vocab.includeParents')}
      </label>
    </div>
  );
}
