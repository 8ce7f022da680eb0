import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

// The Hocuspocus wire protocol spoken by hand, for the durability test: a writer that sends
// one update at a time and knows exactly which one each SyncStatus acknowledges, and a
// reader that fetches the server's whole document. (The provider counts acks but does not
// say which update they were for.)

const SYNC = 0;
const AUTH = 2;
const SYNC_STATUS = 8;

function message(name: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  write(e);
  return encoding.toUint8Array(e);
}

export class RawClient {
  readonly ws: WebSocket;
  readonly doc = new Y.Doc();
  private waiters: ((m: { type: number; d: decoding.Decoder }) => boolean)[] = [];
  closed = false;

  constructor(url: string, ca: string, readonly name: string, token: string) {
    this.ws = new WebSocket(url, { ca });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('open', () => this.ws.send(message(name, (e) => {
      encoding.writeVarUint(e, AUTH);
      encoding.writeVarUint(e, 0); // token
      encoding.writeVarString(e, token);
    })));
    this.ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      this.waiters = this.waiters.filter((w) => !w({ type, d }));
    });
    const end = () => {
      this.closed = true;
      for (const w of this.waiters) w({ type: -1, d: decoding.createDecoder(new Uint8Array()) });
      this.waiters = [];
    };
    this.ws.on('close', end);
    this.ws.on('error', end);
  }

  /** The next message `pick` accepts (it returns a value, or undefined to keep waiting); null once the socket is gone. */
  private next<T>(pick: (type: number, d: decoding.Decoder) => T | undefined): Promise<T | null> {
    if (this.closed) return Promise.resolve(null);
    return new Promise((done) => {
      this.waiters.push(({ type, d }) => {
        if (type === -1) return done(null), true;
        const v = pick(type, d);
        if (v === undefined) return false;
        done(v);
        return true;
      });
    });
  }

  /** True once authenticated, false when refused or gone. */
  authenticated(): Promise<boolean> {
    return this.next((type, d) => (type === AUTH ? decoding.readVarUint(d) === 2 : undefined)).then((v) => v === true);
  }

  /** Sends one update and resolves with the server's verdict: true acknowledged, false refused, null no answer (the socket died). */
  send(update: Uint8Array): Promise<boolean | null> {
    const verdict = this.next((type, d) => (type === SYNC_STATUS ? decoding.readVarInt(d) === 1 : undefined));
    this.ws.send(message(this.name, (e) => {
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeUpdate(e, update);
    }));
    return verdict;
  }

  /** Fetches the server's document into `this.doc` (SyncStep1 → SyncStep2). */
  async fetch(): Promise<boolean> {
    const got = this.next((type, d) => {
      if (type !== SYNC) return undefined;
      if (decoding.readVarUint(d) !== 1) return undefined; // wait for step 2
      Y.applyUpdate(this.doc, decoding.readVarUint8Array(d));
      return true;
    });
    this.ws.send(message(this.name, (e) => {
      encoding.writeVarUint(e, SYNC);
      syncProtocol.writeSyncStep1(e, this.doc);
    }));
    return (await got) === true;
  }

  close(): void {
    this.ws.terminate();
  }
}
