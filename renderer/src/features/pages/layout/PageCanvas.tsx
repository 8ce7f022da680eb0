import { forwardRef, type CSSProperties, type ReactNode } from 'react';
import type { Block, Edition, Page, Story } from '../../../../../shared/document/schema';
import { blockRectMm } from '../../../../../shared/layout/geometry';
import { captionOf, headContext, mastheadDate, shownText, titleKicker, type ShownText, type TextContext } from './block-text';
import type { Jump } from './flow-page';
import { houseStyleOf } from '../../../../../shared/document/house-style';
import { latinHeavy } from '../../../../../shared/layout/latin-heavy';
import './page.css';

// One page at true size (mm, pt), as it prints. Story frames are empty boxes here: the
// flow engine (flow-dom.ts, driven by useFlow) fills them after layout, outside React.

export interface CanvasProps {
  edition: Edition;
  page: Page;
  lang: 'zh' | 'en';
  photoUrl(photoId: string): string;
  /**
   * A photo block's image by the frame's size (its longer side in mm times its crop zoom): the
   * composer's zoom-aware choice of rendition (shared/layout/photo-size.ts). Without it, photoUrl.
   */
  photoSrc?(photoId: string, longestMm: number): string;
  /** Extra content per block (the composer's handles and copyfit badges). */
  overlay?(b: Block): ReactNode;
  blockProps?(b: Block): Record<string, unknown>;
  /** Story frames whose thread jumps from or to another page (flow-page.ts jumpsOf). */
  jumps?: ReadonlyMap<string, Jump>;
  /** Stories whose kicker/headline/deck blocks on this page show ("from story"). */
  stories?: Readonly<Record<string, Story>>;
}

const mm = (v: number) => `${v.toFixed(3)}mm`;

function Words({ t }: { t: ShownText }) {
  return (
    <>
      {t.zh && <span lang="zh-CN" className={latinHeavy(t.zh) ? 'latin-heavy' : undefined}>{t.zh}</span>}
      {t.en && <span lang="en" className={t.zh ? 'en-line' : undefined}>{t.en}</span>}
    </>
  );
}

export function photoCrop(b: Block): CSSProperties {
  const fx = (b.focus?.x ?? 0.5) * 100, fy = (b.focus?.y ?? 0.5) * 100;
  const z = b.zoom ?? 1;
  return { objectPosition: `${fx}% ${fy}%`, transformOrigin: `${fx}% ${fy}%`, transform: z !== 1 ? `scale(${z})` : undefined };
}

/** 上接第 N 版 / 下转第 N 版: a line of the frame, above or below the copy. */
function JumpLine({ page, dir, lang }: { page: number; dir: 'from' | 'to'; lang: 'zh' | 'en' }) {
  const text = lang === 'en' ? `(Continued ${dir === 'from' ? 'from' : 'on'} page ${page})` : `（${dir === 'from' ? '上接' : '下转'}第${page}版）`;
  return <p className={`jump jump-${dir}`} data-jump={dir}>{text}</p>;
}

function BlockBody({ b, page, edition, lang, src, jump, ctx }: { b: Block; page: Page; edition: Edition; lang: 'zh' | 'en'; src(id: string): string; jump?: Jump | undefined; ctx: TextContext }) {
  const t = shownText(b, lang, ctx);
  switch (b.kind) {
    case 'masthead':
      return (
        <>
          <span className="mh-name"><span className="mh-zh" lang="zh-CN">{b.text}</span>{b.textEn && <span className="mh-en" lang="en">{' '}{b.textEn}</span>}</span>
          <span className="mh-side">
            <span className="mh-special">{lang === 'en' ? 'SPECIAL' : '特刊'}</span>
            <span className="mh-date">{mastheadDate(b, edition, lang)}</span>
            {/* 版次: the page's number, which follows the page order. */}
            <span className="mh-folio">{lang === 'en' ? `Page ${page.number}` : `第${page.number}版`}</span>
          </span>
        </>
      );
    case 'story': {
      const lines = (jump?.prev ? 1 : 0) + (jump?.next ? 1 : 0);
      return (
        <>
          {jump?.prev && <JumpLine page={jump.prev} dir="from" lang={lang} />}
          <div className="story-box" lang={lang === 'en' ? 'en' : 'zh-CN'} style={{ columnCount: b.cols ?? b.span, columnGap: '4mm', ...(lines ? { height: `calc(100% - ${lines * 15}pt)` } : {}) }} />
          {jump?.next && <JumpLine page={jump.next} dir="to" lang={lang} />}
        </>
      );
    }
    case 'photo': {
      const cap = captionOf(edition, b.photoId, lang, b.lang);
      const has = edition.photos.some((p) => p.id === b.photoId);
      return (
        <figure>
          <div className="ph-box">{has && <img src={src(b.photoId!)} alt={cap.zh ?? cap.en ?? ''} style={photoCrop(b)} />}</div>
          {b.captionPos !== 'none' && (cap.zh || cap.en) && <figcaption><Words t={cap} /></figcaption>}
        </figure>
      );
    }
    case 'credits':
      return (
        <dl>
          {(b.credits ?? []).map((c) => (
            <div key={c.role}><dt>{lang === 'en' && c.roleEn ? c.roleEn : c.role}</dt><dd>{c.names.join(' ')}</dd></div>
          ))}
        </dl>
      );
    case 'rule':
      return <i style={{ height: mm(b.strokeMm ?? 0.5), background: b.color ?? '#b8141c' }} />;
    case 'box':
      return null;
    case 'headline': {
      const kicker = titleKicker(b, page, ctx, lang);
      if (!kicker && !b.fromStory) return <Words t={t} />;
      return (
        <>
          {kicker && <span className="hl-kicker" lang={lang === 'en' ? 'en' : 'zh-CN'}>{kicker}</span>}
          <span className="hl-main"><Words t={t} /></span>
        </>
      );
    }
    default:
      return <Words t={t} />;
  }
}

export const PageCanvas = forwardRef<HTMLDivElement, CanvasProps>(function PageCanvas({ edition, page, lang, photoUrl, photoSrc, overlay, blockProps, jumps, stories }, ref) {
  const { widthMm, heightMm } = edition.pageSize;
  const ctx: TextContext = { heads: headContext(edition, page), ...(stories ? { stories } : {}) };
  // House style (issue 17): the sheet's classes switch text-autospace in page.css.
  const hs = houseStyleOf(edition);
  return (
    <div ref={ref} className={`sheet${hs.autospaceBody ? ' autospace-body' : ''}${hs.autospaceLatin ? ' autospace-latin' : ''}`} data-page-id={page.id} lang={lang === 'en' ? 'en' : 'zh-CN'} style={{ width: mm(widthMm), height: mm(heightMm) }}>
      {page.blocks.map((b) => {
        const r = blockRectMm(page, widthMm, b);
        const kind = b.kind === 'caption' ? 'caption' : b.kind;
        const style: CSSProperties = { left: mm(r.left), top: mm(r.top), width: mm(r.width), height: mm(r.height) };
        if (b.sizePt) style.fontSize = `${b.sizePt}pt`;
        if (b.kind === 'box') style.background = b.color ?? '#f3e9dc';
        return (
          <div
            key={b.id}
            className={`pb pb-${kind}${b.kind === 'footer' && b.yMm < 20 ? ' running-head' : ''}${b.vertical ? ' vertical' : ''}${b.kind === 'photo' && b.captionPos === 'beside' ? ' cap-beside' : ''}`}
            data-block-id={b.id}
            data-block-kind={b.kind}
            {...(b.fromStory && b.storyId ? { 'data-from-story': b.storyId } : {})}
            style={style}
            {...(blockProps?.(b) ?? {})}
          >
            <BlockBody b={b} page={page} edition={edition} lang={lang} src={photoSrc ? (id) => photoSrc(id, Math.max(r.width, r.height) * (b.zoom ?? 1)) : photoUrl} jump={jumps?.get(b.id)} ctx={ctx} />
            {overlay?.(b)}
          </div>
        );
      })}
    </div>
  );
});
