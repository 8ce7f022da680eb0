import type { FrameFit } from '../../../../../shared/layout/report';
import { useI18n } from '../../../i18n';

/** InCopy's copyfit bar, counted the Chinese way: fits, 超 N 字 / N 行, or 差 N 行. */
export function copyfitLabel(t: ReturnType<typeof useI18n>['t'], f: FrameFit): string {
  if (!f.last) {
    if (f.status === 'empty') return t('compose.fit.empty');
    return f.nextPage ? t('compose.fit.jump', { page: f.nextPage }) : t('compose.fit.cont', { n: f.threadIndex + 2 });
  }
  switch (f.status) {
    case 'over': return t('compose.fit.over', { chars: f.overChars, lines: f.lines });
    case 'short': return t('compose.fit.short', { lines: f.lines });
    case 'empty': return t('compose.fit.empty');
    default: return t('compose.fit.fit');
  }
}

export function CopyfitBadge({ fit }: { fit: FrameFit }) {
  const { t } = useI18n();
  return (
    <span className={`copyfit copyfit-${fit.last ? fit.status : 'cont'}`} data-copyfit={fit.last ? fit.status : 'cont'} data-over-chars={fit.overChars} data-lines={fit.lines}>
      {copyfitLabel(t, fit)}
    </span>
  );
}
