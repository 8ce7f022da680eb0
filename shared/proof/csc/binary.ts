// Reads the sections of csc-model.bin (format: scripts/csc-binary.mjs) as typed-array views
// of the one buffer the file was read into: no parsing, no copies (issue 14, the CLI's start).

const TYPES = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array } as const;
type TypeName = keyof typeof TYPES;

export interface CscBinary {
  meta: Record<string, unknown>;
  u8(name: string): Uint8Array;
  u16(name: string): Uint16Array;
  i32(name: string): Int32Array;
  u32(name: string): Uint32Array;
  f32(name: string): Float32Array;
  f64(name: string): Float64Array;
}

/** Characters from their codes (the header is ASCII; names are UTF-16 code units). No TextDecoder: shared/ has no DOM or Node types. */
export function codesToString(codes: Uint8Array | Uint16Array): string {
  let out = '';
  // apply, not a spread: a spread walks the typed array through its iterator, an object per
  // character in V8's interpreter (the CLI's short run, issue 15).
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

export function readCscBinary(input: Uint8Array): CscBinary {
  // Typed views need their offset aligned (8 bytes for float64); a buffer sliced from a pool may not be.
  // A copy then (Buffer's slice is a view, at the same offset).
  const bytes = input.byteOffset % 8 ? new Uint8Array(input) : input;
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== 'CSC2') throw new Error('not a csc model');
  const buffer = bytes.buffer as ArrayBuffer;
  const dv = new DataView(buffer, bytes.byteOffset, bytes.byteLength);
  const headLen = dv.getUint32(4, true);
  const head = JSON.parse(codesToString(bytes.subarray(8, 8 + headLen))) as Record<string, unknown> & { sections: Record<string, [TypeName, number, number]> };
  const base = bytes.byteOffset + 8 + headLen;
  const view = <T extends TypeName>(type: T, name: string): InstanceType<(typeof TYPES)[T]> => {
    const s = head.sections[name];
    if (!s || s[0] !== type) throw new Error(`csc model: no ${type} section ${name}`);
    return new TYPES[type](buffer, base + s[1], s[2]) as InstanceType<(typeof TYPES)[T]>;
  };
  return {
    meta: head,
    u8: (n) => view('u8', n),
    u16: (n) => view('u16', n),
    i32: (n) => view('i32', n),
    u32: (n) => view('u32', n),
    f32: (n) => view('f32', n),
    f64: (n) => view('f64', n),
  };
}
