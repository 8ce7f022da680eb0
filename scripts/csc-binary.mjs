// The 错别字 tables' file format (issue 14): one binary file that the reader
// (shared/proof/csc/binary.ts) maps into typed arrays with a single read, instead of a
// 1.9 MB text table whose parse cost the CLI 55–110 ms on every start.
//
//   bytes 0–3   "CSC2"
//   bytes 4–7   length of the header (uint32, little-endian)
//   header      JSON: { total, sections: { name: [type, byteOffset, length] } }
//   sections    typed arrays (u8 / u16 / i32 / u32 / f32 / f64), each at an 8-byte boundary
//               (the header is padded to one too: a float64 view needs it)
//
// Little-endian throughout (every machine this app runs on is). csc-model.bin's sections
// are the model's own and those derived from them (csc-derived.mjs).

const TYPES = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array };
// A typed array given as the section is written as it is (the hash tables), else converted.
const ALIGN = 8;
const pad = (n) => Math.ceil(n / ALIGN) * ALIGN;

/** sections: { name: [type, array-like of numbers] } → the file's bytes. */
export function encodeCscBinary(meta, sections) {
  const layout = {};
  const arrays = [];
  let offset = 0;
  for (const [name, [type, values]] of Object.entries(sections)) {
    const arr = values instanceof TYPES[type] ? values : TYPES[type].from(values);
    layout[name] = [type, offset, arr.length];
    arrays.push([offset, arr]);
    offset += pad(arr.byteLength);
  }
  const json = Buffer.from(JSON.stringify({ ...meta, sections: layout }));
  const head = 8 + pad(json.length);
  const out = Buffer.alloc(head + offset, 0x20);
  out.write('CSC2', 0, 'latin1');
  out.writeUInt32LE(head - 8, 4);
  json.copy(out, 8);
  for (const [at, arr] of arrays) {
    out.fill(0, head + at, head + at + pad(arr.byteLength));
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(out, head + at);
  }
  return out;
}
