/** An ISO time as the desk's clock shows it: 2026-12-01 13:48:05 (local time, no zone). */
export function localTime(iso: string, seconds = true): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  const s = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
  return seconds ? `${s}:${p(d.getSeconds())}` : s;
}
