/**
 * A 200 response over a Buffer's bytes without copying them. A Buffer may be a slice of a
 * larger pooled ArrayBuffer, so the view keeps its offset and length (handing Response the
 * whole `.buffer` would send the pool's other bytes).
 */
export function bytesResponse(body: Buffer, headers: Record<string, string>): Response {
  return new Response(new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>, { status: 200, headers });
}
