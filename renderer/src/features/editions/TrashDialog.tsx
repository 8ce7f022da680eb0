import { useCallback, useEffect, useState } from 'react';
import type { TrashItem } from '../../../../shared/contract/edition-schemas';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ConfirmDialog, Modal } from '../../app/dialogs';

// 回收站: what was deleted in the workspace (editions, stories, pages), newest first, each
// restorable to where it was; 永久删除 is the only way anything leaves the disk.

export function formatTime(iso: string, lang: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

export function TrashDialog({ edition, onRestored, onClose, onError }: {
  /** Only this edition's stories and pages (from inside an edition); all when absent. */
  edition?: string;
  onRestored(r: { kind: TrashItem['kind']; edition: string }): void;
  onClose(): void;
  onError(e: unknown): void;
}) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<TrashItem[] | null>(null);
  const [purging, setPurging] = useState<TrashItem | null>(null);
  const load = useCallback(() => call('trash:list', {}).then((l) => setItems(edition ? l.filter((i) => i.edition === edition) : l), onError), [edition, onError]);
  useEffect(() => { void load(); }, [load]);

  const restore = async (item: TrashItem) => {
    try {
      const r = await call('trash:restore', { id: item.id });
      await load();
      onRestored(r);
    } catch (e) { onError(e); }
  };
  const purge = async (item: TrashItem) => {
    setPurging(null);
    try { await call('trash:purge', { id: item.id }); await load(); } catch (e) { onError(e); }
  };

  return (
    <>
    <Modal label={t('trash.title')} onClose={onClose} className="trash-dialog">
      {items === null ? <p className="hint">{t('app.loading')}</p> : items.length === 0 ? <p className="hint">{t('trash.empty')}</p> : (
        <table className="trash-list">
          <thead><tr><th>{t('trash.kind')}</th><th>{t('trash.name')}</th><th>{t('trash.from')}</th><th>{t('trash.deletedAt')}</th><th /></tr></thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} data-trash-id={i.id}>
                <td>{t(`trash.kind.${i.kind}`)}</td>
                <td className="trash-name">{i.title}</td>
                <td>{i.kind === 'edition' ? '' : i.editionTitle ?? t('trash.editionGone')}</td>
                <td>{formatTime(i.deletedAt, lang)}</td>
                <td className="row-actions">
                  <button type="button" aria-label={t('trash.restoreNamed', { title: i.title })} onClick={() => void restore(i)}>{t('trash.restore')}</button>
                  <button type="button" aria-label={t('trash.purgeNamed', { title: i.title })} onClick={() => setPurging(i)}>{t('trash.purge')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog-actions"><button type="button" onClick={onClose}>{t('app.dismiss')}</button></div>
    </Modal>
    {purging && <ConfirmDialog label={t('trash.purge')} message={t('trash.purgeConfirm', { title: purging.title })} okLabel={t('trash.purge')}
        onOk={() => void purge(purging)} onClose={() => setPurging(null)} />}
    </>
  );
}
