import { useEffect, useRef, useState } from 'react';
import type { VocabView } from '../../../../shared/contract/vocab-schemas';
import { decodeCodeFile } from '../../../../shared/photo/pm-codes';
import { pathTo, walkTree, type VocabNode } from '../../../../shared/vocab/vocabulary';
import { ApiError, call } from '../../api/client';
import { Modal } from '../../app/dialogs';
import { useI18n } from '../../i18n';
import { VocabTree } from './VocabTree';
import './vocab.css';

// 关键词表 (issue 16): the workspace's controlled keyword vocabulary, kept in
// <workspace>/keywords.json. Add, rename, move and delete (into the workspace trash, restored
// from the list below); Photo Mechanic's structured keyword file in (replace or merge) and out.

export function VocabPanel({ onClose, onChanged }: { onClose(): void; onChanged(v: VocabView['vocabulary']): void }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<VocabView | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [en, setEn] = useState('');
  const [newLabel, setNewLabel] = useState('');
  const [newEn, setNewEn] = useState('');
  const [category, setCategory] = useState(false);
  const [moveTo, setMoveTo] = useState('');
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const show = (v: VocabView) => { setView(v); onChanged(v.vocabulary); };
  const run = async <T extends VocabView>(p: Promise<T>): Promise<T | null> => {
    setError(null);
    try { const v = await p; show(v); return v; } catch (e) {
      setError(e instanceof ApiError ? e.data.message[lang] : String(e));
      // The file may have changed anyway (a broken one kept aside and replaced): show what is there.
      call('vocab:get', {}).then(show, () => {});
      return null;
    }
  };
  useEffect(() => { void run(call('vocab:get', {})); }, []);

  const node: VocabNode | null = view && selected ? pathTo(view.vocabulary.roots, selected)?.at(-1) ?? null : null;
  useEffect(() => { setLabel(node?.label ?? ''); setEn(node?.en ?? ''); setMoveTo(''); }, [node?.id, node?.label, node?.en]);

  const add = async (under: string | null) => {
    const r = await run(call('vocab:edit', { op: 'add', parentId: under, label: newLabel.trim(), en: newEn.trim(), ...(category ? { category: true } : {}) }));
    if (r) { setSelected(r.id); setNewLabel(''); setNewEn(''); setCategory(false); }
  };
  const importFile = async (file: File) => {
    const text = decodeCodeFile(new Uint8Array(await file.arrayBuffer()));
    const r = await run(call('vocab:import', { text, mode }));
    if (r) setNote(t('vocab.imported', { n: [...walkTree(r.vocabulary.roots)].length, notes: r.notes.length }));
  };
  const exportFile = async () => {
    try {
      const { text, fileName } = await call('vocab:export', {});
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) { setError(e instanceof ApiError ? e.data.message[lang] : String(e)); }
  };

  // Where the selected keyword can move: the top level or any keyword outside its own branch.
  const targets = view && node ? [...walkTree(view.vocabulary.roots)].filter(({ node: n, parents }) => n.id !== node.id && !parents.some((p) => p.id === node.id)) : [];
  const name = (n: VocabNode) => (lang === 'en' && n.en ? n.en : n.label);

  return (
    <Modal label={t('vocab.title')} onClose={onClose} className="vocab-dialog">
      <p className="hint">{t('vocab.hint')}</p>
      <div className="vocab-body">
        <div className="vocab-tree-pane">{view && <VocabTree roots={view.vocabulary.roots} selected={selected} onSelect={setSelected} />}</div>
        <div className="vocab-side">
          <fieldset>
            <legend>{t('vocab.new')}</legend>
            <label className="field"><span>{t('vocab.label')}</span><input name="new-label" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} /></label>
            <label className="field"><span>{t('vocab.en')}</span><input name="new-en" lang="en" value={newEn} onChange={(e) => setNewEn(e.target.value)} /></label>
            <label className="check"><input type="checkbox" name="new-category" checked={category} onChange={(e) => setCategory(e.target.checked)} />{t('vocab.category')}</label>
            <div className="dialog-actions">
              <button type="button" disabled={!newLabel.trim()} onClick={() => void add(null)}>{t('vocab.addTop')}</button>
              <button type="button" disabled={!newLabel.trim() || !node} onClick={() => void add(node!.id)}>{t('vocab.addChild')}</button>
            </div>
          </fieldset>
          {node && (
            <fieldset>
              <legend>{t('vocab.selected', { name: name(node) })}</legend>
              <label className="field"><span>{t('vocab.label')}</span><input name="edit-label" value={label} onChange={(e) => setLabel(e.target.value)} /></label>
              <label className="field"><span>{t('vocab.en')}</span><input name="edit-en" lang="en" value={en} onChange={(e) => setEn(e.target.value)} /></label>
              <div className="dialog-actions">
                <button type="button" disabled={!label.trim() || (label === node.label && en === node.en)}
                  onClick={() => void run(call('vocab:edit', { op: 'rename', id: node.id, label: label.trim(), en: en.trim() }))}>{t('vocab.rename')}</button>
                <button type="button" className="danger" onClick={() => void run(call('vocab:delete', { id: node.id })).then((r) => { if (r) setSelected(null); })}>{t('vocab.delete')}</button>
              </div>
              <label className="field"><span>{t('vocab.moveTo')}</span>
                <select name="move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
                  <option value="">—</option>
                  <option value="__top">{t('vocab.top')}</option>
                  {targets.map(({ node: n, parents }) => <option key={n.id} value={n.id}>{[...parents, n].map(name).join(' › ')}</option>)}
                </select>
              </label>
              <button type="button" disabled={!moveTo}
                onClick={() => void run(call('vocab:edit', { op: 'move', id: node.id, parentId: moveTo === '__top' ? null : moveTo }))}>{t('vocab.move')}</button>
            </fieldset>
          )}
          {view && view.deleted.length > 0 && (
            <fieldset>
              <legend>{t('vocab.deleted')}</legend>
              <ul className="vocab-deleted">
                {view.deleted.map((d) => (
                  <li key={d.trashId}>{d.label}
                    <button type="button" aria-label={t('vocab.restoreOf', { name: d.label })} onClick={() => void run(call('vocab:restore', { trashId: d.trashId }))}>{t('vocab.restore')}</button>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {note && <p className="hint" role="status">{note}</p>}
      <p className="hint">{t('vocab.pmHint')}</p>
      <div className="dialog-actions">
        <select name="import-mode" aria-label={t('vocab.importMode')} value={mode} onChange={(e) => setMode(e.target.value as 'merge' | 'replace')}>
          <option value="merge">{t('vocab.merge')}</option>
          <option value="replace">{t('vocab.replace')}</option>
        </select>
        <button type="button" onClick={() => fileInput.current?.click()}>{t('vocab.import')}</button>
        <input ref={fileInput} type="file" name="import-keywords" accept=".txt,text/plain" hidden
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f); }} />
        <button type="button" onClick={() => void exportFile()}>{t('vocab.export')}</button>
        <button type="button" className="primary" onClick={onClose}>{t('vocab.close')}</button>
      </div>
    </Modal>
  );
}
