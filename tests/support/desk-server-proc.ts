import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './host';
import type { Role } from '../../shared/collab/roles';

// A real desk server for the browser specs: `edition-desk serve` from the build, in its own
// process (better-sqlite3 loads only there), on 127.0.0.1. Stopping it is what a desk sees as
// the server going away; starting it again on the same port and data is its return.

const CLI = join(REPO, 'out/cli/index.mjs');

export interface ServerProc {
  url: string;
  port: number;
  fingerprint: string;
  dataDir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function serverDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'edition-desk-server-e2e-'));
}

export function addUser(dataDir: string, name: string, role: Role, password: string): void {
  const r = spawnSync(process.execPath, [CLI, 'user', 'add', name, '--role', role, '--data', dataDir], { input: `${password}\n`, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`user add ${name}: ${r.stderr || r.stdout}`);
}

export function startServer(dataDir: string, port = 0): Promise<ServerProc> {
  const child = spawn(process.execPath, [CLI, 'serve', '--data', dataDir, '--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`desk server did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /EDITION_DESK_SERVER=(\S+)/.exec(out)?.[1];
      const fingerprint = /SHA256_FINGERPRINT=(\S+)/.exec(out)?.[1];
      if (!url || !fingerprint) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stderr!.off('data', onData);
      ok({
        url: url.replace(/\/$/, ''), port: Number(new URL(url).port), fingerprint, dataDir, child,
        stop: () => new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`desk server exited (${code}):\n${out}`)); });
  });
}
