import type { LibraryPhoto } from '../../../../shared/photo/library';
import { applyTemplateDetailed, type CaptionTemplate, type TemplateField } from '../../../../shared/photo/template';
import type { MessageKey } from '../../i18n/zh-CN';

// A batch template over the selected photos: the result per photo and, per variable, the
// photos that have no value for it ("3 张缺少拍摄日期"), so nothing is filled in silently.

export interface BatchPlan {
  items: { photo: LibraryPhoto; meta: LibraryPhoto['meta']; missing: boolean }[];
  /** Variable name → file names of the photos without it. */
  missing: Map<string, string[]>;
}

export function planBatch(photos: LibraryPhoto[], tpl: CaptionTemplate, ticked: readonly TemplateField[]): BatchPlan {
  const missing = new Map<string, string[]>();
  const items = photos.map((photo) => {
    const r = applyTemplateDetailed(photo.meta, tpl, ticked, { tech: photo.tech, fileName: photo.fileName });
    const vars = new Set(r.missing.flatMap((m) => m.variables));
    for (const v of vars) missing.set(v, [...(missing.get(v) ?? []), photo.fileName]);
    return { photo, meta: r.meta, missing: vars.size > 0 };
  });
  return { items, missing };
}

/** The field a variable reads, to name it in the missing list. */
export const VARIABLE_FIELD: Record<string, MessageKey> = {
  date: 'caption.dateCreated', city: 'caption.city', sublocation: 'caption.sublocation', creator: 'caption.creator',
  credit: 'caption.credit', source: 'caption.source', copyright: 'caption.copyright', headline: 'caption.headline',
  keywords: 'caption.keywords', caption: 'caption.zh', captionEn: 'caption.en', camera: 'pd.var.camera', filename: 'pd.var.filename',
};
