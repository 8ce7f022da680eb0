import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import { useI18n } from '../i18n';
import { overallFraction, useJobs } from './jobs';

// The top bar's progress of long jobs (issue 17), whichever desk is open; the same in
// the window title ("42% · 导入图片 — 特刊编辑台", what a taskbar and a tab show) and, in
// the desktop app, on the taskbar button through main (app:progress → setProgressBar).

export function JobProgress() {
  const { t } = useI18n();
  const jobs = useJobs();
  const fraction = overallFraction(jobs);
  const percent = fraction === null ? null : Math.floor(fraction * 100);
  const label = jobs.map((j) => (j.total > 0 ? t(`job.${j.kind}.count`, { done: j.done, total: j.total }) : t(`job.${j.kind}`))).join(' · ');

  useEffect(() => {
    const base = t('app.title');
    document.title = percent === null ? base : `${percent}% · ${label} — ${base}`;
  }, [percent, label, t]);

  // The taskbar: only when the whole percent changes, and once more when the jobs end.
  const sent = useRef<number | null>(null);
  useEffect(() => {
    if (sent.current === percent) return;
    sent.current = percent;
    call('app:progress', { fraction: percent === null ? null : percent / 100 }).catch(() => { /* a taskbar bar is not worth a banner */ });
  }, [percent]);

  if (percent === null) return null;
  return (
    <span className="job-progress" role="progressbar" aria-label={t('job.label')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={label}>
      <span className="job-bar"><i style={{ width: `${percent}%` }} /></span>
      <span className="job-text">{label}</span>
    </span>
  );
}
