import { useEffect, useState } from 'react';
import type { PhotoProvenance, ShownCaptionVersion } from '../../../../shared/contract/find-schemas';
import type { LibraryPhoto } from '../../../../shared/photo/library';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import './find.css';
import { localTime } from './local-time';

// 图片来源 (issue 16, provenance): under the caption panel, the pages of every edition in the
// workspace that place this photo (from the catalogue; a click opens the page in layout) and
// its caption history, newest first, each change with its time and (on a server) its user;
// 恢复此版本 writes an older caption back into the file, as a new change of its own.

const when = (iso: string) => localTime(iso);

function HistoryItem({ e, current, onRevert }: { e: ShownCaptionVersion; current: boolean; onRevert(): void }) {
  const { t } = useI18n();
  return (
    <li className={current ? 'current' : undefined}>
      {/* The caption found at the first change has no time of its own: it is what the file held then. */}
      <span className="prov-when">{e.via === 'initial' ? t('find.history.via.initial') : `${when(e.at)}${e.user ? ` · ${e.user}` : ''} · ${t(`find.history.via.${e.via}`)}`}</span>
      <span className="prov-caption" lang="zh-CN">{e.meta.caption.zh || t('find.history.empty')}</span>
      {e.meta.caption.en && <span className="prov-caption" lang="en">{e.meta.caption.en}</span>}
      {current ? <span className="prov-current">{t('find.history.current')}</span>
        : <button type="button" onClick={onRevert} aria-label={t('find.history.revertAt', { at: when(e.at) })}>{t('find.history.revert')}</button>}
    </li>
  );
}

export function ProvenancePanel({ photo, onReverted, onOpenPage, onError }: {
  photo: LibraryPhoto; onReverted(p: LibraryPhoto): void; onOpenPage?(edition: string, pageId: string): void; onError(e: unknown): void;
}) {
  const { t } = useI18n();
  const [prov, setProv] = useState<PhotoProvenance | null>(null);
  // Read again after every caption save (the record's meta changes) and every placement.
  const metaKey = JSON.stringify(photo.meta);
  // Another photo: nothing of the last one's shows while its own is asked for.
  useEffect(() => { setProv(null); }, [photo.id]);
  useEffect(() => {
    let live = true;
    // A short pause: arrowing through a contact sheet of thousands asks once, for the photo stopped on.
    const timer = setTimeout(() => {
      call('archive:provenance', { id: photo.id }).then((p) => { if (live) setProv(p); }, onError);
    }, 120);
    return () => { live = false; clearTimeout(timer); };
  }, [photo.id, metaKey, onError]);

  const revert = async (e: ShownCaptionVersion) => {
    try { onReverted(await call('library:caption-revert', { id: photo.id, index: e.index, at: e.at })); } catch (err) { onError(err); }
  };
  const history = prov ? [...prov.history].reverse() : [];
  return (
    <section className="provenance" aria-label={t('find.prov.title')}>
      <h4>{t('find.prov.placed')}</h4>
      {!prov ? null : prov.catalogue !== 'ready' ? <p className="hint">{t(prov.catalogue === 'building' ? 'archive.building' : 'find.prov.unavailable')}</p>
        : prov.placements.length === 0 ? <p className="hint">{t('find.prov.notPlaced')}</p> : (
          <ul className="prov-pages" aria-label={t('find.prov.placed')}>
            {prov.placements.map((p) => (
              <li key={`${p.editionId}/${p.pageId}`}>
                <button type="button" disabled={!p.editionRef || !p.pageId || !onOpenPage}
                  onClick={() => onOpenPage?.(p.editionRef!, p.pageId!)}>
                  {t('archive.placedOn', { edition: p.editionTitle, page: p.pageNumber ?? '?' })}{p.pageName ? ` · ${p.pageName}` : ''}
                </button>
                {p.issueDate && <span className="prov-when">{p.issueDate}</span>}
              </li>
            ))}
          </ul>
        )}
      <h4>{t('find.history.title')}</h4>
      {prov && history.length === 0 && <p className="hint">{t('find.history.none')}</p>}
      {history.length > 0 && (
        <ol className="prov-history" aria-label={t('find.history.title')}>
          {history.map((e, i) => <HistoryItem key={`${e.at}-${i}`} e={e} current={i === 0} onRevert={() => void revert(e)} />)}
        </ol>
      )}
    </section>
  );
}
