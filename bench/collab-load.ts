import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import * as Y from 'yjs';

// The load of collab-30-clients: headless Yjs clients (HocuspocusProvider in Node, `ws` as
// its WebSocket) typing into story documents shaped as Lexical's binding makes them (the
// root Y.XmlText, one embedded Y.XmlText per paragraph), and the propagation latency from
// one client's keystroke to each other client of the same story seeing it. All clients
// live in this process, so sender and receiver read one clock (performance.now()).

export interface LoadOptions {
  url: string;
  /** Trusted certificate for wss:// (the desk server's own, as a desk that pinned it). */
  certPem?: string;
  token?: string;
  clients: number;
  stories: number;
  charsPerSecond: number;
  durationMs: number;
  /** Document name of story i. */
  storyName(i: number): string;
}

export interface LoadResult {
  latencies: number[];
  /** Keystrokes typed in the measured window. */
  typed: number;
  /** Deliveries expected (keystrokes × other clients of the story) and seen. */
  expected: number;
  seen: number;
  /** Stories whose clients ended with different text. */
  diverged: number;
}

interface Client {
  story: number;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  paragraph?: Y.XmlText;
}

function socketClass(ca?: string) {
  if (!ca) return WebSocket;
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca });
    }
  };
}

const TYPED = '沁源县融媒体中心特刊两会报道abcdefgh ';

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  // keystroke id "client:clock" → when it was typed. Each typed character is one Yjs item
  // of length 1, so the sender's clock before the insert names it on every receiver.
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let measuring = false;
  let seen = 0;
  // The provider hands its configuration to the socket it makes (HocuspocusProviderWebsocket),
  // which takes WebSocketPolyfill; the provider's type leaves it out.
  const socketOptions = { WebSocketPolyfill: socketClass(o.certPem) } as Partial<HocuspocusProviderConfiguration>;

  const clients: Client[] = [];
  for (let i = 0; i < o.clients; i++) {
    const doc = new Y.Doc();
    const story = i % o.stories;
    const provider = new HocuspocusProvider({ url: o.url, ...socketOptions, name: o.storyName(story), document: doc, token: o.token ?? 'none' });
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.local || !measuring) return;
      const now = performance.now();
      tr.afterState.forEach((after, client) => {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
          const t = sentAt.get(`${client}:${clock}`);
          if (t !== undefined) {
            latencies.push(now - t);
            seen++;
          }
        }
      });
    });
    clients.push({ story, doc, provider });
  }
  await Promise.all(clients.map((c) => new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`collab bench: client of ${o.storyName(c.story)} not synced in 30 s`)), 30_000);
    if (c.provider.isSynced) { clearTimeout(t); resolve(); return; }
    c.provider.on('synced', () => { clearTimeout(t); resolve(); });
  })));
  // Each client opens its own paragraph, as three editors working in one story would.
  for (const c of clients) {
    const root = c.doc.get('root', Y.XmlText);
    const p = new Y.XmlText();
    c.doc.transact(() => {
      root.insertEmbed(root.length, p);
      p.setAttribute('__type', 'paragraph');
    });
    c.paragraph = p;
  }
  await new Promise((r) => setTimeout(r, 500));

  measuring = true;
  let typed = 0;
  const period = 1000 / o.charsPerSecond;
  const timers: NodeJS.Timeout[] = [];
  const starts: NodeJS.Timeout[] = [];
  for (const [i, c] of clients.entries()) {
    // Spread the keystrokes over the period, as 30 people do not type in step.
    starts.push(setTimeout(() => {
      let n = 0;
      timers.push(setInterval(() => {
        const p = c.paragraph!;
        const clock = Y.getState(c.doc.store, c.doc.clientID);
        sentAt.set(`${c.doc.clientID}:${clock}`, performance.now());
        p.insert(p.length, TYPED[n++ % TYPED.length]!);
        // Lexical's binding moves the user's cursor in awareness with every keystroke.
        c.provider.setAwarenessField('cursor', { paragraph: i, offset: p.length });
        typed++;
      }, period));
    }, (i * period) / o.clients));
  }
  await new Promise((r) => setTimeout(r, o.durationMs));
  starts.forEach(clearTimeout);
  timers.forEach(clearInterval);
  // Keystrokes still on the wire: wait until every story reads the same on its clients (a
  // loaded machine can take more than a second), up to 15 s; what still differs then diverged.
  const storyTexts = (s: number) => new Set(clients.filter((c) => c.story === s).map((c) => c.doc.get('root', Y.XmlText).toString()));
  const settleBy = performance.now() + 15_000;
  do await new Promise((r) => setTimeout(r, 250));
  while (performance.now() < settleBy && Array.from({ length: o.stories }, (_, s) => storyTexts(s).size).some((n) => n !== 1));
  measuring = false;

  const perStory = o.clients / o.stories;
  let diverged = 0;
  for (let s = 0; s < o.stories; s++) {
    const texts = storyTexts(s);
    if (texts.size !== 1) {
      diverged++;
      if (process.env['COLLAB_BENCH_DEBUG']) console.error([...texts].map((x) => `${x.length}: …${x.slice(-60)}`).join('\n'));
    }
  }
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  return { latencies, typed, expected: typed * (perStory - 1), seen, diverged };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
