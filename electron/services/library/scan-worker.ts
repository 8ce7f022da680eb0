import { parentPort } from 'node:worker_threads';
import { jpegScanDamage } from './jpeg-scan-check';

// The worker side of jpeg-scan-off-thread.ts. Built as out/workers/scan-worker.mjs.
parentPort?.on('message', (m: { id: number; bytes: Uint8Array }) => {
  let damage: string | null = null;
  try {
    damage = jpegScanDamage(m.bytes);
  } catch {
    damage = null; // a checker failure is not a finding
  }
  parentPort!.postMessage({ id: m.id, damage });
});
