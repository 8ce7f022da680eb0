import type { StorySummary } from '../../../../../shared/contract/contract';
import type { Block, Edition, Page } from '../../../../../shared/document/schema';
import { clampBlock } from '../../../../../shared/layout/geometry';
import { useI18n } from '../../../i18n';
import { NumberField, Row, TextField } from './fields';
import { FromStoryRow } from './FromStory';
import { isPartKind } from '../../../../../shared/layout/story-parts';
import { FramePhotoPicker } from '../strip/FramePhotoPicker';

// Properties of the selected block. Every change goes through clampBlock, so a typed
// value can never put a block off the type area.

interface Props {
  edition: Edition;
  page: Page;
  block: Block;
  stories: StorySummary[];
  onChange(b: Block): void;
  onDelete(): void;
  onThreadNext(): void;
  /** Puts a story into the selected story frame (or empties it): thread and story parts follow. */
  onStory(storyId: string | undefined): void;
  /** The frame's place in its thread, and a move to another place (1-based). */
  place: { index: number; count: number } | null;
  onPlace(n: number): void;
  /** Other story frames of the edition, and threading this frame on to one of them (keys, not the port). */
  linkTargets: Array<{ pageId: string; blockId: string; label: string }>;
  onLinkTo(to: { pageId: string; blockId: string }): void;
}

const TEXT_KINDS = ['masthead', 'kicker', 'label', 'headline', 'deck', 'caption', 'footer'];

export function Inspector({ edition, page, block: b, stories, onChange, onDelete, onThreadNext, onStory, place, onPlace, linkTargets, onLinkTo }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<Block>) => onChange(clampBlock(page.grid, edition.pageSize, { ...b, ...patch }));
  return (
    <div className="inspector" data-block-id={b.id}>
      <h3>{t(`block.${b.kind}` as never)}</h3>
      <div className="insp-grid">
        <Row label={t('compose.col')}><NumberField name="col" value={b.col + 1} min={1} max={page.grid.columns} onCommit={(v) => set({ col: v - 1 })} /></Row>
        <Row label={t('compose.span')}><NumberField name="span" value={b.span} min={1} max={page.grid.columns} onCommit={(v) => set({ span: v })} /></Row>
        <Row label={t('compose.y')}><NumberField name="yMm" value={b.yMm} min={0} step={0.5} onCommit={(v) => set({ yMm: v })} /></Row>
        <Row label={t('compose.h')}><NumberField name="hMm" value={b.hMm} min={1} step={0.5} onCommit={(v) => set({ hMm: v })} /></Row>
      </div>
      {b.kind !== 'rule' && b.kind !== 'box' && (
        <Row label={t('compose.lang')}>
          <select name="lang" value={b.lang} onChange={(e) => set({ lang: e.target.value as Block['lang'] })}>
            {(['zh', 'en', 'both'] as const).map((l) => <option key={l} value={l}>{t(`compose.lang.${l}`)}</option>)}
          </select>
        </Row>
      )}
      {isPartKind(b.kind) && <FromStoryRow block={b} page={page} stories={stories} onChange={(patch) => set(patch)} />}
      {TEXT_KINDS.includes(b.kind) && !b.fromStory && (
        <>
          <Row label={t('compose.text')}><TextField name="text" multiline value={b.text ?? ''} onCommit={(v) => set({ text: v })} /></Row>
          <Row label={t('compose.textEn')}><TextField name="textEn" multiline value={b.textEn ?? ''} onCommit={(v) => set({ textEn: v })} /></Row>
          <p className="insp-hint" data-hint="variables">{t('compose.vars')}</p>
          <Row label={t('compose.sizePt')}><NumberField name="sizePt" value={b.sizePt ?? 0} min={0} max={300} step={0.5} onCommit={(v) => set({ sizePt: v >= 4 ? v : undefined })} /></Row>
        </>
      )}
      {(b.kind === 'headline' || b.kind === 'label') && (
        <Row label={t('compose.vertical')}><input type="checkbox" name="vertical" checked={!!b.vertical} onChange={(e) => set({ vertical: e.target.checked || undefined })} /></Row>
      )}
      {b.kind === 'story' && (
        <>
          <Row label={t('compose.story')}>
            <select name="storyId" value={b.storyId ?? ''} onChange={(e) => onStory(e.target.value || undefined)}>
              <option value="">{t('compose.noStory')}</option>
              {stories.map((s) => <option key={s.id} value={s.id}>{s.title}</option>)}
            </select>
          </Row>
          <Row label={t('compose.cols')}><NumberField name="cols" value={b.cols ?? b.span} min={1} max={12} onCommit={(v) => set({ cols: v })} /></Row>
          {place && (
            <Row label={`${t('compose.threadPlace')} (${t('compose.threadOf', { i: place.index, n: place.count })})`}>
              <NumberField name="threadPos" value={place.index} min={1} max={place.count} onCommit={onPlace} />
            </Row>
          )}
          {b.storyId && linkTargets.length > 0 && (
            <Row label={t('compose.linkTo')}>
              <select name="linkTo" value="" onChange={(e) => { const x = linkTargets[Number(e.target.value)]; if (x) onLinkTo(x); }}>
                <option value="">{t('compose.linkPick')}</option>
                {linkTargets.map((x, i) => <option key={`${x.pageId}/${x.blockId}`} value={i}>{x.label}</option>)}
              </select>
            </Row>
          )}
          {b.storyId && <button type="button" onClick={onThreadNext} data-action="thread-next">{t('compose.threadNext')}</button>}
        </>
      )}
      {b.kind === 'photo' && (
        <>
          <FramePhotoPicker edition={edition} block={b} onPick={(photoId) => set({ photoId, focus: undefined, zoom: undefined })} />
          <Row label={t('compose.captionPos')}>
            <select name="captionPos" value={b.captionPos ?? 'below'} onChange={(e) => set({ captionPos: e.target.value as Block['captionPos'] })}>
              {(['below', 'beside', 'none'] as const).map((c) => <option key={c} value={c}>{t(`compose.captionPos.${c}`)}</option>)}
            </select>
          </Row>
          <Row label={t('compose.focusX')}><input type="range" name="focusX" min={0} max={1} step={0.01} value={b.focus?.x ?? 0.5} onChange={(e) => set({ focus: { x: Number(e.target.value), y: b.focus?.y ?? 0.5 } })} /></Row>
          <Row label={t('compose.focusY')}><input type="range" name="focusY" min={0} max={1} step={0.01} value={b.focus?.y ?? 0.5} onChange={(e) => set({ focus: { x: b.focus?.x ?? 0.5, y: Number(e.target.value) } })} /></Row>
          <Row label={t('compose.zoomPhoto')}><input type="range" name="zoom" min={1} max={4} step={0.05} value={b.zoom ?? 1} onChange={(e) => set({ zoom: Number(e.target.value) })} /></Row>
        </>
      )}
      {(b.kind === 'rule' || b.kind === 'box') && (
        <>
          <Row label={t('compose.color')}><input type="color" name="color" value={b.color ?? (b.kind === 'rule' ? '#b8141c' : '#f3e9dc')} onChange={(e) => set({ color: e.target.value })} /></Row>
          {b.kind === 'rule' && <Row label={t('compose.stroke')}><NumberField name="strokeMm" value={b.strokeMm ?? 0.5} min={0.1} max={20} step={0.1} onCommit={(v) => set({ strokeMm: v })} /></Row>}
        </>
      )}
      <button type="button" className="danger" onClick={onDelete} data-action="delete-block">{t('compose.delete')}</button>
    </div>
  );
}
