import { COLOR_LABELS, type ColorLabel } from '../../../../shared/photo/library';
import type { PhotoMarks } from '../../../../shared/photo/marks';
import { useI18n } from '../../i18n';

// Stars and colour labels by mouse, beside the keys (1–5, 0, 6–9): what is set here goes
// into the files as xmp:Rating / xmp:Label, for one photo or the whole selection.
interface Props {
  rating: number | null;
  label: ColorLabel | null;
  onMark(marks: PhotoMarks): void;
}

export function MarksBar({ rating, label, onMark }: Props) {
  const { t } = useI18n();
  return (
    <div className="marks-bar">
      <span role="group" aria-label={t('pd.marks.rating')} className="marks-stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" className={`star${rating !== null && n <= rating ? ' on' : ''}`} aria-pressed={rating === n}
            aria-label={t('photos.rating', { n })} onClick={() => onMark({ rating: rating === n ? 0 : n })}>★</button>
        ))}
      </span>
      <span role="group" aria-label={t('photos.label')} className="marks-labels">
        {COLOR_LABELS.filter((l) => l !== 'none').map((l) => (
          <button key={l} type="button" className={`swatch swatch-${l}`} aria-pressed={label === l} aria-label={t(`label.${l}`)}
            onClick={() => onMark({ label: label === l ? 'none' : l })} />
        ))}
      </span>
    </div>
  );
}
