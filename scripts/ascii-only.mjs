// A JavaScript file made ASCII-only (issue 15): esbuild escapes non-ASCII in strings but
// leaves it in comments and regular expressions (/[，。]/), and one such character makes
// Node decode a whole bundle as UTF-8 into a two-byte string on every start; escaped, the
// code-cache loader (electron/cli/compile-cache.ts) takes the bytes as Latin-1 at once.
// In a regular expression \uXXXX (a surrogate pair with the u flag) matches what the
// character did; an identity escape (\（ without the u flag) loses its backslash.

/** The source with every non-ASCII UTF-16 unit written as \uXXXX. */
export function asciiOnly(source) {
  return source.replace(/(\\*)([^\0-\x7f])/g, (_, bs, c) => `${bs.slice(0, bs.length - (bs.length % 2))}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
