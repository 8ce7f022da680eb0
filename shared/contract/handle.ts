import { AppError, type Result } from './errors';
import { appError } from './messages';
import { CHANNELS, type Channel } from './channels';
import { contract, type Api } from './contract';

// The one entry for every call from a renderer, whatever the transport (Electron IPC or
// the browser host's HTTP): unknown channel → UNKNOWN_CHANNEL, bad input →
// INVALID_ARGUMENT before any service runs, thrown AppError → its typed error.
export function createHandler(api: Api, log: (e: unknown) => void = () => {}) {
  return async function handle(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      return { ok: false, error: appError('UNKNOWN_CHANNEL', channel).toData() };
    }
    const ch = channel as Channel;
    const parsed = contract[ch].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
      return { ok: false, error: appError('INVALID_ARGUMENT', detail).toData() };
    }
    try {
      const fn = api[ch] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await fn(parsed.data) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      log(e);
      return { ok: false, error: appError('INTERNAL', e instanceof Error ? e.message : String(e)).toData() };
    }
  };
}
export type Handler = ReturnType<typeof createHandler>;
