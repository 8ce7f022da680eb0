import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

export interface RunningHost {
  url: string;
  origin: string;
  dataDir: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'edition-desk-e2e-'));
}

// The sample edition's first start (copying its photos, making their previews) is a second
// or more of every host start, and most specs only need *a* workspace holding it. So a spec
// that names no data dir gets a copy of one first-started workspace (one per worker, made
// by a real first start and stopped cleanly): the same files a first start writes, opened as
// a second start would open them. A spec that tests the first start itself passes its own
// fresh `tempDataDir()`; EDITION_DESK_TEST_FRESH_SAMPLE=1 turns the copying off everywhere.
let sampleTemplate: Promise<string> | null = null;

function firstStarted(repo: string): Promise<string> {
  sampleTemplate ??= (async () => {
    const dir = tempDataDir();
    const h = await launchHost(dir, repo, {});
    // Stopped only once its first catalogue is built: a copy stopped mid-build would start
    // with a half catalogue, which the host rightly rebuilds and says so (archive-find.spec).
    await untilCatalogued(h);
    await h.stop();
    return dir;
  })();
  return sampleTemplate;
}

async function untilCatalogued(h: RunningHost): Promise<void> {
  const token = new URL(h.url).searchParams.get('token')!;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const r = await fetch(`${h.origin}/api/archive:status`, {
      method: 'POST', headers: { 'x-edition-desk': '1', 'x-edition-desk-token': token, 'content-type': 'application/json' }, body: '{}',
    }).then((x) => x.json() as Promise<{ ok: boolean; value?: { ready: boolean } }>).catch(() => null);
    if (r?.ok && r.value?.ready) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the template host did not finish its first catalogue in 60 s');
}

/**
 * Starts the built browser host (out/host) on a random port and waits for its URL line.
 * `repo` is for callers bundled elsewhere (bench/), where this file's own folder is not
 * inside the repository. `noSample` starts with an empty workspace (no sample edition).
 */
export async function startHost(dataDir?: string, repo = REPO, options: { noSample?: boolean } = {}): Promise<RunningHost> {
  if (dataDir !== undefined || options.noSample || process.env.EDITION_DESK_TEST_FRESH_SAMPLE === '1') return launchHost(dataDir ?? tempDataDir(), repo, options);
  const copy = tempDataDir();
  cpSync(await firstStarted(repo), copy, { recursive: true });
  return launchHost(copy, repo, options);
}

function launchHost(dataDir: string, repo: string, options: { noSample?: boolean }): Promise<RunningHost> {
  const args = [join(repo, 'out/host/index.mjs'), '--data-dir', dataDir, '--no-open', '--port', '0', ...(options.noSample ? ['--no-sample'] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`host did not start in 60 s:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /EDITION_DESK_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        const url = m[1]!;
        ok({
          url,
          origin: new URL(url).origin,
          dataDir,
          child,
          stop: (signal = 'SIGTERM') => new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`host exited (${code}):\n${out}`)); });
  });
}
