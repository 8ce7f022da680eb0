import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_PORT } from '../../shared/collab/protocol';
import { createDeskServer } from '../services/deskserver/desk-server';
import { parseOptions, serverDataDir, ServeUsageError } from './serve-usage';
import { SCALE_FLAGS, scaleOutFromFlags } from './serve-scale';

// `edition-desk serve`: runs until SIGINT/SIGTERM, then closes cleanly (every open document
// compacted, the databases closed). A SIGKILL loses nothing acknowledged either (persistence.ts).

export async function serveVerb(args: string[]): Promise<number> {
  const { pos, opts } = parseOptions(args, ['data', 'port', 'host', 'cert', 'key', ...SCALE_FLAGS]);
  if (pos.length) throw new ServeUsageError(`serve takes no "${pos[0]}"; see edition-desk --help`);
  const port = Number(opts.get('port') ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeUsageError('--port is a number 0–65535');
  const certFile = opts.get('cert');
  const keyFile = opts.get('key');
  if ((certFile === undefined) !== (keyFile === undefined)) throw new ServeUsageError('--cert and --key go together');
  const tls = certFile && keyFile ? { cert: readFileSync(resolve(certFile), 'utf8'), key: readFileSync(resolve(keyFile), 'utf8') } : undefined;
  const dataDir = resolve(serverDataDir(opts.get('data')));
  const scale = await scaleOutFromFlags(opts);
  // A server that fails to start (port taken) must not leave the Redis clients holding the process open.
  const server = await createDeskServer({ dataDir, port, host: opts.get('host') ?? '0.0.0.0', ...(tls ? { tls } : {}), ...(scale ? { store: scale.store, extensions: scale.extensions } : {}) })
    .catch(async (e: unknown) => { await scale?.close(); throw e; });
  console.log(`data: ${dataDir}`);
  if (scale) console.log('documents: PostgreSQL, shared with the other instances through Redis');
  // Bound to every address: tell the admin which ones the desks on the LAN can use.
  if (!opts.get('host') || opts.get('host') === '0.0.0.0') {
    for (const list of Object.values(networkInterfaces())) {
      for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) console.log(`desks: https://${a.address}:${server.port}`);
    }
  }
  console.log('desks compare this fingerprint with the one their trust dialog shows / 请核对客户端显示的证书指纹与上面一致');
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await scale?.close();
  return 0;
}
