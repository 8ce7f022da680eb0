// The renderer's Content-Security-Policy, one string for both hosts: sent as a header by
// the browser host and by Electron's session, and repeated in index.html's meta tag.
// No inline script, no eval, no remote origins; images only from ourselves, media: and blob:.
export const RENDERER_CSP = rendererCsp();

/**
 * The policy with main's loopback socket for shared documents (issue 12) added to
 * connect-src: Electron's renderer is app://desk, so its ws://127.0.0.1:<port> socket is
 * not 'self' and is named exactly. The browser host's socket is same-origin ('self').
 */
export function rendererCsp(collabSocket?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' media: blob: data:",
    "font-src 'self'",
    collabSocket ? `connect-src 'self' ${collabSocket}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
