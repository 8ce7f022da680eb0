// The renderer's Content-Security-Policy, one string for both hosts: sent as a header by
// the browser host and by Electron's session, and repeated in index.html's meta tag.
// No inline script, no eval, no remote origins; images only from ourselves, media: and blob:.
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' media: blob: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
