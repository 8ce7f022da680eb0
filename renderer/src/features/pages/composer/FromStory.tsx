import type { StorySummary } from '../../../../../shared/contract/contract';
import type { Block, Page } from '../../../../../shared/document/schema';
import { useI18n } from '../../../i18n';
import { Row } from './fields';
import { isPlaceholder } from '../../../../../shared/layout/story-parts';

// "来自稿件" / "From story" for a kicker, headline or deck block: the block shows the
// chosen story's own kicker/headline/deck (shared/layout/story-parts.ts), and that
// story's frames leave it out of the body. The block's typed text is kept, unused, so
// switching back brings it back.

export function FromStoryRow({ block: b, page, stories, onChange }: { block: Block; page: Page; stories: StorySummary[]; onChange(patch: Partial<Block>): void }) {
  const { t } = useI18n();
  const on = !!b.fromStory;
  const toggle = (checked: boolean) => {
    if (!checked) { onChange({ fromStory: undefined, storyId: undefined }); return; }
    // Template stand-in text goes (it was never copy); a designer's own text is kept for switching back.
    const clear = isPlaceholder(b, [t('block.kicker'), t('block.headline'), t('block.deck')]) ? { text: undefined, textEn: undefined } : {};
    // The story set on this page is the one its title blocks most likely belong to.
    const onPage = page.blocks.find((k) => k.kind === 'story' && k.storyId)?.storyId;
    onChange({ ...clear, fromStory: true, storyId: b.storyId ?? onPage ?? stories[0]?.id });
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
