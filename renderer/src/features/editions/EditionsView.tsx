import { useState } from 'react';
import type { EditionSummary } from '../../../../shared/contract/contract';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ConfirmDialog, PromptDialog } from '../../app/dialogs';
import { NewEditionDialog } from './NewEditionDialog';
import { TrashDialog, formatTime } from './TrashDialog';
import './editions.css';
import { RemoteEditions, useRemoteEditions } from '../../collab/RemoteEditions';

// The start screen (特刊列表): every edition of the workspace with its issue date, page
// count and last change; new, open, rename, duplicate, close, delete, and the trash.

type Pending =
  | { kind: 'new' } | { kind: 'trash' }
  | { kind: 'rename' | 'duplicate' | 'delete' | 'publish'; edition: EditionSummary };

export function EditionsView({ editions, current, onOpen, onCloseEdition, onChanged, onError }: {
  editions: EditionSummary[];
  current: string | null;
  onOpen(ref: string): void;
  onCloseEdition(): void;
  /** Reloads the list (and the open edition, which may have been renamed or deleted). */
  onChanged(): Promise<void>;
  onError(e: unknown): void;
}) {
  const { t, lang } = useI18n();
  const [pending, setPending] = useState<Pending | null>(null);
  const remote = useRemoteEditions();
  // Newest issue first, as a desk looks for the edition it is working on; broken ones last.
  const sorted = [...editions].sort((a, b) => Number(!!a.error) - Number(!!b.error) || b.issueDate.localeCompare(a.issueDate) || a.title.localeCompare(b.title, 'zh-CN'));
  const done = async () => { setPending(null); await onChanged(); };
  const act = async (fn: () => Promise<unknown>) => {
    try { await fn(); } catch (e) { onError(e); }
    await done();
  };

  return (
    <section className="editions" aria-label={t('editions.title')}>
      <div className="editions-head">
        <h2>{t('editions.title')}</h2>
        <button type="button" className="primary" onClick={() => setPending({ kind: 'new' })}>{t('editions.new')}</button>
        <button type="button" onClick={() => setPending({ kind: 'trash' })}>{t('trash.title')}</button>
      </div>
      {editions.length === 0 ? <p className="empty">{t('editions.none')}</p> : (
        <table className="edition-table">
          <thead>
            <tr><th>{t('editions.col.title')}</th><th>{t('editions.col.date')}</th><th>{t('editions.col.pages')}</th><th>{t('editions.col.changed')}</th><th /></tr>
          </thead>
          <tbody>
            {sorted.map((e) => (
              <tr key={e.ref} data-edition-ref={e.ref} className={e.ref === current ? 'current' : ''}>
                <td className="edition-title">
                  {e.error ? <span className="broken">⚠ {e.ref} — {e.error.message[lang]}</span> : e.title}
                  {e.ref === current && <span className="badge">{t('editions.open')}</span>}
                  {remote.shared.has(e.ref) && <span className="shared-badge" data-shared="true">{t('collabui.shared')}</span>}
                </td>
                <td>{e.issueDate}</td>
                <td>{e.error ? '' : t('editions.pageCount', { n: e.pageCount })}</td>
                <td>{formatTime(e.updatedAt ?? '', lang)}</td>
                <td className="row-actions">
                  {!e.error && (e.ref === current
                    ? <button type="button" aria-label={t('editions.closeNamed', { title: e.title })} onClick={onCloseEdition}>{t('editions.close')}</button>
                    : <button type="button" className="primary" aria-label={t('editions.openNamed', { title: e.title })} onClick={() => onOpen(e.ref)}>{t('editions.openAction')}</button>)}
                  {!e.error && remote.canPublish && !remote.shared.has(e.ref) && <button type="button" aria-label={t('collabui.publishNamed', { title: e.title })} onClick={() => setPending({ kind: 'publish', edition: e })}>{t('collabui.publish')}</button>}
                  {!e.error && <button type="button" aria-label={t('editions.renameNamed', { title: e.title })} onClick={() => setPending({ kind: 'rename', edition: e })}>{t('editions.rename')}</button>}
                  {!e.error && <button type="button" aria-label={t('editions.duplicateNamed', { title: e.title })} onClick={() => setPending({ kind: 'duplicate', edition: e })}>{t('editions.duplicate')}</button>}
                  <button type="button" aria-label={t('editions.deleteNamed', { title: e.title })} onClick={() => setPending({ kind: 'delete', edition: e })}>{t('editions.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <RemoteEditions remote={remote} onOpen={onOpen} onError={onError} onChanged={onChanged} />
      {pending?.kind === 'publish' && (
        <ConfirmDialog label={t('collabui.publish')} message={t('collabui.publishConfirm', { title: pending.edition.title })} okLabel={t('collabui.publish')}
          onClose={() => setPending(null)} onOk={() => void act(() => remote.publish(pending.edition.ref))} />
      )}
      {pending?.kind === 'new' && (
        <NewEditionDialog editions={editions} onClose={() => setPending(null)} onError={onError}
          onCreated={(ref) => { void done().then(() => onOpen(ref)); }} />
      )}
      {pending?.kind === 'trash' && (
        <TrashDialog onClose={() => void done()} onError={onError} onRestored={() => void onChanged()} />
      )}
      {pending?.kind === 'rename' && (
        <PromptDialog label={t('editions.rename')} field={t('editions.field.title')} initial={pending.edition.title} onClose={() => setPending(null)}
          onOk={(title) => void act(() => call('edition:rename', { edition: pending.edition.ref, title }))} />
      )}
      {pending?.kind === 'duplicate' && (
        <PromptDialog label={t('editions.duplicate')} field={t('editions.field.title')} initial={t('editions.copyTitle', { title: pending.edition.title })}
          onClose={() => setPending(null)} onOk={(title) => void act(() => call('edition:duplicate', { edition: pending.edition.ref, title }))} />
      )}
      {pending?.kind === 'delete' && (
        <ConfirmDialog label={t('editions.delete')} message={t('editions.deleteConfirm', { title: pending.edition.title })} okLabel={t('editions.delete')}
          onClose={() => setPending(null)} onOk={() => void act(async () => {
            await call('edition:delete', { edition: pending.edition.ref });
            if (pending.edition.ref === current) onCloseEdition();
          })} />
      )}
    </section>
  );
}
