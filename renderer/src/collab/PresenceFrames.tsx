import type { Edition, Page } from '../../../shared/document/schema';
import { blockRectMm } from '../../../shared/layout/geometry';
import { useI18n } from '../i18n';
import { framesTaken, type Peer } from './presence';

/** A name badge on each frame another desk has selected, drawn in page millimetres. */
export function PresenceFrames({ page, edition, peers }: { page: Page; edition: Edition; peers: Peer[] }) {
  const { t } = useI18n();
  const taken = framesTaken(peers, page.id);
  return (
    <>
      {[...taken].map(([blockId, users]) => {
        const block = page.blocks.find((b) => b.id === blockId);
        if (!block) return null;
        const r = blockRectMm(page, edition.pageSize.widthMm, block);
        const names = users.map((u) => u.name).join('、');
        return (
          <div key={blockId} className="presence-frame" data-presence-block={blockId} role="note" aria-label={t('collabui.presence.frame', { names })}
            style={{ position: 'absolute', left: `${r.left}mm`, top: `${r.top}mm`, width: `${r.width}mm`, height: `${r.height}mm`, outline: `2px solid ${users[0]!.color}`, pointerEvents: 'none' }}>
            <span className="presence-badge" style={{ background: users[0]!.color }}>{names}</span>
          </div>
        );
      })}
    </>
  );
}
