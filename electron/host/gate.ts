import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

// Who may talk to the browser host (issue 11, item 2).
//
// A cookie is scoped by host, not by port: `ed_token` on 127.0.0.1 went to every server on
// 127.0.0.1, so a second local user's server on another port received it with every
// request the desk's browser made there. So there is no cookie any more:
//
// - API calls carry the launch token in a header (X-Edition-Desk-Token). The renderer keeps
//   it in sessionStorage, which is scoped by origin (scheme, host AND port) and by tab: no
//   other port's page can read it and the browser never sends it anywhere by itself.
// - <img> and download links cannot send headers. They carry a second per-launch secret,
//   the file key, in the URL path (/media/<key>/…, /export-file/<key>/…). It opens only
//   reads of photos and exports, never a call; it is not a cookie, so no other server gets
//   it; Referer is off (referrer-policy: no-referrer) so it does not leak from the page.
//   The alternative, fetching every image with the header and showing it from a blob: URL,
//   costs a JS fetch, a Blob and a revoke per thumbnail for a contact sheet of thousands,
//   defeats the browser's image cache and lazy decoding, and breaks the print route's
//   plain <img> photos; the key in the path keeps <img> as it is.
// - Every API, media and export-file request must come from our own origin: an Origin
//   header, when sent, must be ours, and Sec-Fetch-Site, when sent, must be same-origin
//   (or "none" for a file the user opens from the address bar). Another port of
//   127.0.0.1 is "same-site", not "same-origin", so it is refused too. Clients that send
//   neither (curl, the CLI's own fetches) still need the token or key.

export const TOKEN_HEADER = 'x-edition-desk-token';

export function sameSecret(a: string | null | undefined, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Null when the request is from our own origin (or from no browser); else why not. */
export function foreignOrigin(req: IncomingMessage, allowNavigation: boolean): string | null {
  const host = req.headers.host ?? '';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return `Origin ${origin}`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && !(allowNavigation && site === 'none')) return `Sec-Fetch-Site ${String(site)}`;
  return null;
}

/** Path segments after `prefix`, each percent-decoded; null for a malformed escape (%, %c0%af). */
export function decodeSegments(rest: string): string[] | null {
  try {
    return rest.split('/').map(decodeURIComponent);
  } catch {
    return null;
  }
}
