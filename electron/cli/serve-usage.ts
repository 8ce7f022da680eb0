import { join } from 'node:path';
import { DEFAULT_PORT } from '../../shared/collab/protocol';
import { userDataDir } from '../services/paths';
import { parseOptions as parseArgsWith } from './cli-args';

// Help, options and usage errors of `edition-desk serve` and `edition-desk user`, apart
// from the verbs so --help never loads better-sqlite3.

export const SERVE_HELP = `  edition-desk serve [--data DIR] [--port ${DEFAULT_PORT}] [--host 0.0.0.0] [--cert FILE --key FILE]
                              run the desk server (多人协作) for the newsroom: shared documents,
                              photos, accounts, sign-off; prints its address and its certificate's
                              SHA-256 fingerprint (self-signed into DIR/tls unless --cert/--key)
                              --postgres URL --redis URL: one of several instances behind Redis,
                              documents in PostgreSQL (README "Several servers")
  edition-desk user add NAME --role photographer|editor|layout|proofreader|chief [--data DIR]
  edition-desk user passwd NAME [--data DIR]     (password from stdin when piped, else asked)
  edition-desk user remove NAME [--data DIR]
  edition-desk user list [--data DIR]`;

export class ServeUsageError extends Error {}

/** The server's folder: --data, else EDITION_DESK_SERVER_DATA, else "desk-server" in the user-data folder. */
export function serverDataDir(given: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return given ?? env['EDITION_DESK_SERVER_DATA'] ?? join(userDataDir(env), 'desk-server');
}

/** `--name value` / `--name=value` options among positionals; unknown options are usage errors. */
export function parseOptions(args: string[], valued: string[]): { pos: string[]; opts: Map<string, string> } {
  return parseArgsWith(args, valued, (m) => new ServeUsageError(m));
}
