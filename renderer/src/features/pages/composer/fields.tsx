import { useEffect, useState, type ReactNode } from 'react';

// Small form controls for the inspector: number fields commit on Enter or blur (not on
// every keystroke, so typing "120" is one undo step, not three).

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return <label className="insp-row"><span>{label}</span>{children}</label>;
}

export function NumberField({ value, onCommit, min, max, step = 1, name }: { value: number; onCommit(v: number): void; min?: number; max?: number; step?: number; name: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = Number(text);
    if (!Number.isFinite(v)) { setText(String(value)); return; }
    const c = Math.min(max ?? Infinity, Math.max(min ?? -Infinity, v));
    if (c !== value) onCommit(c); else setText(String(value));
  };
  return (
    <input type="number" name={name} value={text} min={min} max={max} step={step}
      onChange={(e) => setText(e.target.value)} onBlur={commit}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(); e.stopPropagation(); }} />
  );
}

export function TextField({ value, onCommit, name, multiline }: { value: string; onCommit(v: string): void; name: string; multiline?: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => { if (text !== value) onCommit(text); };
  const common = { name, value: text, onBlur: commit, onKeyDown: (e: React.KeyboardEvent) => e.stopPropagation() };
  return multiline
    ? <textarea {...common} rows={3} onChange={(e) => setText(e.target.value)} />
    : <input type="text" {...common} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') commit(); e.stopPropagation(); }} />;
}
