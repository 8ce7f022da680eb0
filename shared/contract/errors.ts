// Typed errors that cross the process boundary. Every error carries a stable code
// (for code and tests) and a message in both UI languages (for people).
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'PATH_OUTSIDE_WORKSPACE',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'EDITION_MALFORMED',
  'EDITION_TOO_NEW',
  'STORY_MALFORMED',
  'IO_ERROR',
  'FILE_EMPTY',
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FORMAT',
  'IMAGE_DAMAGED',
  'IMAGE_TRUNCATED',
  'FILE_CHANGED',
  'PIXEL_LIMIT',
  'METADATA_WRITE_FAILED',
  'DOCX_UNREADABLE',
  'CHROMIUM_MISSING',
  'PRINT_FAILED',
  'INTERNAL',

  'TRASH_EDITION_GONE',

  'PAGE_LAST',

  'SYMLINK_REFUSED',
  'FILE_MALFORMED_KEPT',
  'TEXT_NOT_ALLOWED',
  'IMPORT_TOO_LARGE',
  'IMPORT_TOO_DEEP',

  // Issue 12
  'SERVER_UNREACHABLE',
  'LOGIN_FAILED',
  'SESSION_EXPIRED',
  'CERT_MISMATCH',
  'ROLE_REFUSED',
  'PAGE_SIGNED',
  'NOT_SHARED',
  // [press: issue 13, press-ready output and proofs]
  'PRESS_PROFILE_NOT_CMYK',
  'PRESS_ENGINE_MISSING',
  'PRESS_FAILED',
  // [/press]
  // [proofs: issue 13, proof rounds, diffs, export speed]
  'PROOF_RENDER_FAILED',
  // [/proofs]
  // [copy: issue 14, real-world copy and files]
  // [/copy]
  // [polish: issue 17, first-hour polish]
  'IMPORT_EMPTY',
  // [/polish]
  // [net: issue 12, newsroom network follow-ups]
  'ARCHIVE_UNAVAILABLE',
  // [/net]
  // [csc: issue 14, 错别字 detection and repeats by words]
  // [/csc]
  // [corpus: issue 14, external corpus, punctuation rules, legacy charset UI]
  // [/corpus]
  // [speed: issue 15, honest speed]
  // [/speed]
  // [find: issue 16, search results into the desk, provenance, caption history]
  // [/find]
  // [vocab: issue 16, keyword vocabulary, near-duplicates, server catalogue]
  'VOCAB_MALFORMED',
  'VOCAB_DUPLICATE',
  'VOCAB_CYCLE',
  'VOCAB_EMPTY_IMPORT',
  // [/vocab]
  // [raw: issue 15, camera raw files through their embedded JPEG]
  'RAW_NO_PREVIEW',
  'RAW_SIDECAR_UNREADABLE',
  // [/raw]
  // [ingest: issue 15, ingest against sharp under load]
  // [/ingest]
  // [editor: issue 15, editor latency at 200k/500k]
  // [/editor]
  // [csc2: issue 14, 错别字 detection to target]
  // [/csc2]
  // [ingest2: issue 15, camera thumbnails and 24 MP ingest to target]
  // [/ingest2]
  // [cli: issue 15, proof CLI start]
  // [/cli]
  // [csc3: issue 14, 错别字 precision and recall]
  // [/csc3]
  // [cli3: issue 15, proof CLI start]
  // [/cli3]
  // [editor3: issue 15, editor latency at size]
  // [/editor3]
  // [csc4: issue 14, 错别字 precision and recall]
  // [/csc4]
  // [suite: suite speed]
  // [/suite]
  // [csc5: issue 14, a word language model for 错别字]
  // [/csc5]
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface AppErrorData {
  code: ErrorCode;
  message: LocalizedText;
  /** Technical detail (file, field, original error) for logs and the "details" disclosure. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown inside services; turned into `{ok:false}` by the one `handle()`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly localized: LocalizedText;
  readonly detail: string | undefined;
  constructor(code: ErrorCode, message: LocalizedText, detail?: string) {
    super(`${code}: ${message.en}${detail ? ` (${detail})` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.localized = message;
    this.detail = detail;
  }
  toData(): AppErrorData {
    return this.detail === undefined
      ? { code: this.code, message: this.localized }
      : { code: this.code, message: this.localized, detail: this.detail };
  }
}

export function isAppErrorData(x: unknown): x is AppErrorData {
  return typeof x === 'object' && x !== null && typeof (x as AppErrorData).code === 'string'
    && typeof (x as AppErrorData).message === 'object';
}
