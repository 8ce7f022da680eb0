import type { ScaleOut } from '../services/deskserver/scale-out';
import { ServeUsageError } from './serve-usage';

// `serve --postgres URL --redis URL` (issue 12, several instances for a newspaper group):
// the two flags go together. Kept apart from serve-verb.ts so the single-centre path does
// not load pg or ioredis.

export const SCALE_FLAGS = ['postgres', 'redis'];

/** The store and extensions for createDeskServer, or null for the single-centre setup. */
export async function scaleOutFromFlags(opts: Map<string, string>): Promise<ScaleOut | null> {
  const postgres = opts.get('postgres');
  const redis = opts.get('redis');
  if (postgres === undefined && redis === undefined) return null;
  if (postgres === undefined || redis === undefined) throw new ServeUsageError('--postgres and --redis go together');
  const { openScaleOut, checkPostgresUrl, redisConfig } = await import('../services/deskserver/scale-out');
  try {
    checkPostgresUrl(postgres);
    redisConfig(redis);
  } catch (e) {
    throw new ServeUsageError((e as Error).message);
  }
  try {
    return await openScaleOut({ postgres, redis });
  } catch (e) {
    // The password stays out of the error line.
    const m = (e as Error).message;
    throw new Error(m.startsWith('--redis') ? m : `--postgres ${postgres.replace(/\/\/[^@/]*@/, '//…@')}: ${m}`);
  }
}
