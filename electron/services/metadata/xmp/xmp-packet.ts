// An XMP document as the bytes a container stores: the <?xpacket?> wrapper and padding for
// embedded packets (XMP Spec Part 1 §7.3), a bare x:xmpmeta for sidecars. mergeXmp
// (xmp-write.ts) and mergeXmpMarks (xmp-marks.ts) both wrap their packets here.

/** XMP Spec Part 1 §7.3.2: padding lets later edits happen in place; 2 KB is customary. */
const PADDING_BYTES = 2000;

export interface PacketBytesOptions {
  embedded: boolean;
  maxBytes?: number;
  exactBytes?: number;
}

function padding(bytes: number): string {
  const lines = Math.floor(bytes / 100);
  return `${' '.repeat(99)}\n`.repeat(lines) + ' '.repeat(bytes - lines * 100);
}

export function packetBytes(xml: string, opts: PacketBytesOptions): Buffer {
  if (!opts.embedded) return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, 'utf8');
  const head = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>\n${xml}\n`;
  const tail = '<?xpacket end="w"?>';
  const bare = Buffer.byteLength(head + tail, 'utf8');
  let room = opts.maxBytes === undefined ? PADDING_BYTES : Math.max(0, Math.min(PADDING_BYTES, opts.maxBytes - bare));
  if (opts.exactBytes !== undefined && bare <= opts.exactBytes) room = opts.exactBytes - bare;
  return Buffer.from(head + padding(room) + tail, 'utf8');
}
