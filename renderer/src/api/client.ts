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

const transport: Transport = pickTransport();

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const r = await transport.invoke(channel, input);
  if (!r.ok) throw new ApiError(r.error);
  return r.value as Output<C>;
}

export const mediaUrl = transport.mediaUrl;
export const libraryUrl = transport.libraryUrl;
export const hostKind = transport.host;
