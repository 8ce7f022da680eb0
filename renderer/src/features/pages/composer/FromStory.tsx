import type { StorySummary } from '../../../../../shared/contract/contract';
import type { Block } from '../../../../../shared/document/schema';
import { useI18n } from '../../../i18n';
import { Row } from './fields';

// "来自稿件" / "From story" for a kicker, headline or deck block: the block shows the
// chosen story's own kicker/headline/deck (shared/layout/story-parts.ts), and that
// story's frames leave it out of the body. The block's typed text is kept, unused, so
// switching back brings it back.

export function FromStoryRow({ block: b, stories, onChange }: { block: Block; stories: StorySummary[]; onChange(patch: Partial<Block>): void }) {
  const { t } = useI18n();
  const on = !!b.fromStory;
  const toggle = (checked: boolean) => {
    if (!checked) { onChange({ fromStory: undefined, storyId: undefined }); return; }
    onChange({ fromStory: true, storyId: b.storyId ?? stories[0]?.id });
  };
  return (
    <>
      <Row label={t('compose.fromStory')}>
        <input type="checkbox" name="fromStory" checked={on} disabled={!on && stories.length === 0} onChange={(e) => toggle(e.target.checked)} />
      </Row>
      {on && (
        <Row label={t('compose.story')}>
          <select name="partStoryId" value={b.storyId ?? ''} onChange={(e) => onChange({ storyId: e.target.value || undefined, fromStory: e.target.value ? true : undefined })}>
            {stories.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
          </select>
        </Row>
      )}
      {on && <p className="insp-hint">{t('compose.fromStoryHint', { part: t(`block.${b.kind}` as never) })}</p>}
    </>
  );
}
