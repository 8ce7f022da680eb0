// The archive verbs' help and usage error, apart from archive-verb.ts so that index.ts
// can show the help without loading the catalogue (better-sqlite3, jieba).

export const ARCHIVE_HELP = `  edition-desk index DIR      rebuild the archive catalogue of workspace DIR (its editions and
                              photo library) from the files into DIR/.catalog/catalog.db;
                              with --server DIR is a desk server's data folder and its store
                              (published editions, pages, stories, photos) is catalogued
  edition-desk search DIR QUERY [--kind photo|story|page|edition] [--limit N] [--json]
                              search the catalogue (built first when missing or unreadable):
                              one line per result (kind, item, title, date, where placed,
                              snippet with matches in 【】), best first; --json prints the
                              results; exit 1 when nothing is found; --server DIR searches a
                              desk server's store (catalogued afresh first)`;

export class ArchiveUsageError extends Error {}
