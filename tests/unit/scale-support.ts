import type { DeskServer } from '../../electron/services/deskserver/desk-server';
import { createDeskServer } from '../../electron/services/deskserver/desk-server';
import { openScaleOut, type ScaleOut } from '../../electron/services/deskserver/scale-out';

// Helpers of the scale-out tests: desk-server instances on loopback sharing one PostgreSQL
// database and one Redis, as `edition-desk serve --postgres URL --redis URL` starts them.

export const TEST_PG = process.env['EDITION_DESK_TEST_PG'] ?? '';
export const TEST_REDIS = process.env['EDITION_DESK_TEST_REDIS'] ?? '';
export const SCALE_SKIP_REASON = TEST_PG && TEST_REDIS ? ''
  : 'EDITION_DESK_TEST_PG and EDITION_DESK_TEST_REDIS are not set (.ci/run starts PostgreSQL and Redis and sets them; README "Several servers" says how)';

export interface Instance {
  server: DeskServer;
  scale: ScaleOut;
  stop(): Promise<void>;
}

/**
 * One desk-server instance. Instances of one test share `dataDir`: accounts, sessions,
 * editions and sign-offs are in DATA/desk.db (SQLite in WAL mode, which several processes
 * on one host may share); the documents are in PostgreSQL.
 */
export async function startInstance(dataDir: string): Promise<Instance> {
  const scale = await openScaleOut({ postgres: TEST_PG, redis: TEST_REDIS });
  const server = await createDeskServer({ dataDir, port: 0, host: '127.0.0.1', quiet: true, store: scale.store, extensions: scale.extensions });
  let stopped = false;
  return {
    server,
    scale,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      await scale.close();
    },
  };
}
