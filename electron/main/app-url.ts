// The desktop app's own pages are served from app://desk/… (protocol-app.ts), not file://
// (Electron security checklist §18: a file:// page has the whole disk as its origin; a
// privileged custom scheme gives the renderer an origin of its own). This file is the
// pure part, testable without Electron: which URLs are ours and which file they name.

export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Path segments under the renderer folder for an app:// URL, or null when it is not one of ours. */
export function appPathSegments(raw: string): string[] | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return null;
  let segments: string[];
  try {
    segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null; // a malformed %-escape
  }
  if (segments.some((s) => s === '..' || s === '.' || s.includes('/') || s.includes('\\') || s.includes('\0'))) return null;
  return segments.length ? segments : ['index.html'];
}

/** True when `raw` is exactly our page `file` (index.html, print.html), any query for print.html. */
export function isAppPage(raw: string, file: 'index.html' | 'print.html'): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.origin !== APP_ORIGIN && !(url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST)) return false;
  if (file === 'index.html' && url.search !== '') return false;
  return url.pathname === `/${file}` || (file === 'index.html' && url.pathname === '/');
}

/** The host a web link goes to, for the confirmation before it leaves the app; null when it is not http(s). */
export function externalHost(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}
