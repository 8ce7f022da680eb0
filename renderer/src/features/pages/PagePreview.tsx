import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Block, Edition, Page, Story } from '../../../../shared/document/schema';
import { mediaUrl } from '../../api/client';
import { useI18n } from '../../i18n';
import { renderStoryNodes } from './story-render';

interface Props {
  editionRef: string;
  edition: Edition;
  page: Page;
  stories: Record<string, Story>;
}

/** Where a block sits on the page, in millimetres, from its grid position. */
export function blockRectMm(page: Page, pageWidthMm: number, b: Block) {
  const { columns, gutterMm, margins } = page.grid;
  const colW = (pageWidthMm - margins.left - margins.right - gutterMm * (columns - 1)) / columns;
  return {
    left: margins.left + b.col * (colW + gutterMm),
    top: margins.top + b.yMm,
    width: b.span * colW + (b.span - 1) * gutterMm,
    height: b.hMm,
  };
}

export function PagePreview({ editionRef, edition, page, stories }: Props) {
  const { t } = useI18n();
  const stage = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(1.5);
  const { widthMm, heightMm } = edition.pageSize;

  // Scale the page to the stage width; sizes inside are in mm × --mm.
  useLayoutEffect(() => {
    const el = stage.current;
    if (!el) return;
    const fit = () => setScale(Math.max(0.5, Math.min(4, (el.clientWidth - 32) / widthMm)));
    fit();
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    return () => ro.disconnect();
  }, [widthMm]);

  const mm = (v: number) => `${(v * scale).toFixed(2)}px`;
  const content = (b: Block): ReactNode => {
    switch (b.kind) {
      case 'masthead':
        return (<><span className="masthead-zh">{b.text}</span>{b.textEn && <span className="masthead-en" lang="en">{b.textEn}</span>}</>);
      case 'story': {
        const s = b.storyId ? stories[b.storyId] : undefined;
        return s?.zh ? <div className="story-flow" lang="zh-CN">{renderStoryNodes(s.zh.root.children)}</div> : null;
      }
      case 'photo': {
        const p = edition.photos.find((ph) => ph.id === b.photoId);
        if (!p) return null;
        return (
          <figure>
            <img src={mediaUrl(editionRef, p.id, 'preview')} alt={p.meta.caption.zh} />
            <figcaption>{p.meta.caption.zh}</figcaption>
          </figure>
        );
      }
      case 'credits':
        return (
          <dl className="credits">
            {(b.credits ?? []).map((c) => (<div key={c.role}><dt>{c.role}</dt><dd>{c.names.join(' ')}</dd></div>))}
          </dl>
        );
      default:
        return b.text ?? null;
    }
  };

  return (
    <div className="page-scroll" ref={stage}>
      <div
        className="page"
        data-page-id={page.id}
        style={{ width: mm(widthMm), height: mm(heightMm), ['--mm' as string]: `${scale}px` } as CSSProperties}
      >
        {page.blocks.map((b) => {
          const r = blockRectMm(page, widthMm, b);
          return (
            <div
              key={b.id}
              className={`block block-${b.kind}`}
              data-block-kind={b.kind}
              title={t(`block.${b.kind === 'caption' || b.kind === 'rule' || b.kind === 'box' ? 'label' : b.kind}`)}
              style={{ left: mm(r.left), top: mm(r.top), width: mm(r.width), height: mm(r.height) }}
            >
              {content(b)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
