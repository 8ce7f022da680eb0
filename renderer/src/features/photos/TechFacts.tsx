import type { LibraryPhoto } from '../../../../shared/photo/library';
import { useI18n } from '../../i18n';

function exposure(s: number | null): string {
  if (s === null) return '';
  return s >= 1 ? `${s}s` : `1/${Math.round(1 / s)}s`;
}

export function TechFacts({ photo }: { photo: LibraryPhoto }) {
  const { t } = useI18n();
  const x = photo.tech;
  const rows: [string, string][] = [
    [t('tech.captured'), x.captureDate?.replace('T', ' ') ?? ''],
    [t('tech.camera'), [x.make, x.model].filter(Boolean).join(' ')],
    [t('tech.lens'), x.lens],
    [t('tech.exposure'), [x.fNumber ? `f/${x.fNumber}` : '', exposure(x.exposureTime), x.iso ? `ISO ${x.iso}` : '', x.focalLength ? `${x.focalLength} mm` : ''].filter(Boolean).join('  ')],
    [t('tech.size'), `${x.width} × ${x.height} · ${(photo.bytes / 1048576).toFixed(1)} MB · ${x.format.toUpperCase()}`],
    [t('tech.gps'), x.gps ? `${x.gps.lat.toFixed(5)}, ${x.gps.lon.toFixed(5)}${x.gps.alt !== null ? ` · ${Math.round(x.gps.alt)} m` : ''}` : ''],
  ];
  return (
    <dl className="tech-facts">
      {rows.filter(([, v]) => v).map(([k, v]) => (<div key={k}><dt>{k}</dt><dd>{v}</dd></div>))}
    </dl>
  );
}
