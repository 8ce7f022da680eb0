import { useLayoutEffect, useRef, type ChangeEvent } from 'react';
import { expandCodesAtCaret, type CodeReplacement } from '../../../../shared/photo/code-replace';

// A caption input that expands code replacements as the user types, in the field's own
// language (=qy= → 沁源县 in Chinese and untagged fields, Qinyuan County in English ones),
// and leaves IME composition alone: codes are expanded on the committed text only.
interface Props {
  label: string;
  value: string;
  onChange(v: string): void;
  codes: CodeReplacement[];
  multiline?: boolean;
  lang?: string;
  name: string;
}

export function CodeField({ label, value, onChange, codes, multiline, lang, name }: Props) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (caret.current !== null && ref.current) {
      ref.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  }, [value]);

  const change = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.target;
    if ((e.nativeEvent as InputEvent).isComposing) { onChange(el.value); return; }
    const r = expandCodesAtCaret(el.value, el.selectionStart ?? el.value.length, codes, lang?.startsWith('en') ? 'en' : 'zh');
    if (r.text !== el.value) caret.current = r.caret;
    onChange(r.text);
  };

  return (
    <label className={`field field-${name}`}>
      <span>{label}</span>
      {multiline
        ? <textarea ref={ref} name={name} value={value} onChange={change} lang={lang} rows={3} />
        : <input ref={ref} name={name} value={value} onChange={change} lang={lang} />}
    </label>
  );
}
