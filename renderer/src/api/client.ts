import type { Channel } from '../../../shared/contract/channels';
import type { Input, Output } from '../../../shared/contract/contract';
import type { AppErrorData } from '../../../shared/contract/errors';
import { pickTransport, type Transport } from './transport';

/** A failed call, carrying the typed error from main (code + zh/en message). */
export class ApiError extends Error {
  constructor(readonly data: AppErrorData) {
    super(`${data.code}: ${data.message.en}`);
  }
}

// Picked on first use, not at import, so modules that import the client (node views)
// also load in tests without a window.
let picked: Transport | null = null;
const transport = (): Transport => (picked ??= pickTransport());

export async function call<C extends Channel>(channel: C, input: Input<C>, opts?: { keepalive?: boolean }): Promise<Output<C>> {
  const r = await transport().invoke(channel, input, opts);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as Output<C>;
}

export const mediaUrl: Transport['mediaUrl'] = (...a) => transport().mediaUrl(...a);
export const tableUrl: Transport['tableUrl'] = (...a) => transport().tableUrl(...a);
export const libraryUrl: Transport['libraryUrl'] = (...a) => transport().libraryUrl(...a);
export const exportFileUrl = (path: string): string => transport().exportFileUrl?.(path) ?? '#';
export const hostKind = (): Transport['host'] => transport().host;
export const pathForFile: Transport['pathForFile'] = (file) => transport().pathForFile(file);
