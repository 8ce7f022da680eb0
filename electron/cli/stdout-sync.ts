import { writeSync } from 'node:fs';

// `edition-desk proof` prints its findings in one write just before it exits (issue 15):
// process.stdout would first build a stream for the descriptor (a socket for a pipe, a
// tty or a sync file stream), ~5 ms of a ~0.15 s run, and the verb then waited for it to
// drain. A blocking write to fd 1 does the same work. Nothing is lost to a pipe: a full
// non-blocking pipe (EAGAIN) is waited on and written again; a reader that has gone
// (`| head -1`, EPIPE) did not want the rest, so the run ends as it would have, quietly
// (the stream threw an unhandled EPIPE error there, a stack trace and exit code 1).

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes `text` (UTF-8) to standard output, all of it, before returning. */
export function writeStdoutSync(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(1, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1); // the pipe is full: let its reader take some
      else if (code === 'EPIPE') return;
      else throw e;
    }
  }
}
