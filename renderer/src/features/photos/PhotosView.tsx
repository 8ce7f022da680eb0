import type { Edition } from '../../../../shared/document/schema';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n';

// Issue 2's photo workspace: the edition's photos as a contact sheet with their captions
// and credits. Ingest, rating and batch captioning arrive with the photo desk (issue 3).
export function PhotosView({ editionRef, edition }: { editionRef: string; edition: Edition }) {
  const { t } = useI18n();
  if (edition.photos.length === 0) return <p className="empty">{t('photos.empty')}</p>;
  return (
    <section className="photos">
      <p className="count">{t('photos.count', { n: edition.photos.length })}</p>
      <ul className="contact-sheet">
        {edition.photos.map((p) => (
          <li key={p.id} className="photo-cell" data-photo-id={p.id}>
            <div className="thumb">
              <img src={mediaUrl(editionRef, p.id, 'thumb')} alt={p.meta.caption.zh} loading="lazy" decoding="async" />
            </div>
            <p className="caption-zh" lang="zh-CN">{p.meta.caption.zh || t('photos.noCaption')}</p>
            {p.meta.caption.en && <p className="caption-en" lang="en">{p.meta.caption.en}</p>}
            <p className="credit">{t('photos.credit')}：{p.meta.credit}</p>
            <p className="dims">{t('photos.size', { w: p.asset.width, h: p.asset.height })}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
