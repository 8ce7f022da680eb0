import type { ArchiveHit } from '../../../../shared/contract/archive-schemas';
import { libraryUrl, mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n';

// One result: thumbnail, title (a button that opens it in its desk), where it was placed,
// the snippet with the matched words marked, and what can be done with it here: a photo
// placed on the current page, a story of another edition copied into this one.

export type HitAction = 'open' | 'place' | 'copy';

function Marked({ text, marks }: ArchiveHit['snippet']) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  marks.forEach(([a, b], i) => {
    parts.push(text.slice(at, a), <mark key={i}>{text.slice(a, b)}</mark>);
    at = b;
  });
  parts.push(text.slice(at));
  return <span className="archive-snippet">{parts}</span>;
}

/** What a hit offers, given the edition open on the desk (null: none). */
export function actionsOf(hit: ArchiveHit, currentEditionId: string | null): HitAction[] {
  const out: HitAction[] = ['open'];
  if (currentEditionId && hit.kind === 'photo') out.push('place');
  if (currentEditionId && hit.kind === 'story' && hit.editionId !== currentEditionId) out.push('copy');
  return out;
}

export function ArchiveHitRow({ hit, active, currentEditionId, onAct, onHover }: {
  hit: ArchiveHit; active: boolean; currentEditionId: string | null; onAct(a: HitAction): void; onHover(): void;
}) {
  const { t } = useI18n();
  const placed = hit.placements.filter((p) => p.pageNumber !== null).map((p) => t('archive.placedOn', { edition: p.editionTitle, page: p.pageNumber! }));
  const actions = actionsOf(hit, currentEditionId);
  return (
    <li className={`archive-hit${active ? ' active' : ''}`} data-item={hit.item} aria-current={active ? 'true' : undefined}
      // Only a pointer that moves takes the keyboard's place: results appearing under a resting
      // pointer (a new query, the box opened where a click left it) must not.
      onMouseMove={(e) => { if (!active && (e.movementX || e.movementY)) onHover(); }} ref={(el) => { if (active) el?.scrollIntoView({ block: 'nearest' }); }}>
      {hit.kind === 'photo' && (hit.item.startsWith('photo:lib:') || hit.editionRef) && (
        // A library photo's thumbnail, or an edition's own photo from its edition folder.
        <img src={hit.item.startsWith('photo:lib:') ? libraryUrl(hit.ref, 'thumb') : mediaUrl(hit.editionRef!, hit.ref, 'thumb')} alt="" loading="lazy" />
      )}
      <div className="archive-hit-body">
        <button type="button" className="archive-open" tabIndex={-1} onClick={() => onAct('open')}
          title={t(`find.open.${hit.kind}`)}><strong>{hit.title}</strong></button>
        <span className="archive-meta">{[hit.editionTitle, hit.date.slice(0, 10), hit.creator, ...placed].filter(Boolean).join(' · ')}</span>
        <Marked {...hit.snippet} />
      </div>
      {actions.length > 1 && (
        <div className="archive-actions">
          {actions.includes('place') && <button type="button" tabIndex={-1} onClick={() => onAct('place')}>{t('find.place')}</button>}
          {actions.includes('copy') && <button type="button" tabIndex={-1} onClick={() => onAct('copy')}>{t('find.copy')}</button>}
        </div>
      )}
    </li>
  );
}
