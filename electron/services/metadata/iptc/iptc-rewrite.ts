import type { PhotoMeta } from '../../../../shared/document/schema';
import { buildIim } from './iim-fields';
import { parseIim } from './iim';
import { iimDigest, parseIrb, RES_IPTC, RES_IPTC_DIGEST, serializeIrb, setResource } from './irb';

// Rewrites the IPTC-IIM the file already has. IIM is never added to a file without it: the
// IPTC Photo Metadata Standard treats IIM as legacy, and MWG 2.0 §4.2.2 asks Changers only to
// keep an existing IIM in sync. The new IPTCDigest marks the IIM as in step with the XMP.

export interface IimUpdate {
  meta: PhotoMeta;
  dateCreated: string;
}

/** A new IIM block, or null when the old one is damaged (then it is left exactly as it was). */
export function rewriteIim(old: Buffer, u: IimUpdate): Buffer | null {
  const warnings: string[] = [];
  const datasets = parseIim(old, warnings);
  if (warnings.length) return null;
  return buildIim(datasets, u.meta, u.dateCreated);
}

/**
 * The Photoshop resources with 0x0425 (IPTCDigest) set to the MD5 of `iim` exactly as it is
 * stored, and 0x0404 replaced by it when the resources carry the IIM themselves; every other
 * resource keeps its bytes and order. Null when the block is damaged.
 */
export function updateIrb(irb: Buffer, iim: Buffer): Buffer | null {
  const warnings: string[] = [];
  let resources = parseIrb(irb, warnings);
  if (warnings.length) return null;
  if (resources.some((r) => r.signature === '8BIM' && r.id === RES_IPTC)) resources = setResource(resources, RES_IPTC, iim);
  return serializeIrb(setResource(resources, RES_IPTC_DIGEST, iimDigest(iim)));
}

/** JPEG: the IIM lives in resource 0x0404. Null when there is none, or it is damaged. */
export function rewriteIrb(irb: Buffer, u: IimUpdate): { irb: Buffer; iim: Buffer } | null {
  const old = parseIrb(irb, []).find((r) => r.signature === '8BIM' && r.id === RES_IPTC)?.data;
  const iim = old ? rewriteIim(old, u) : null;
  const next = iim ? updateIrb(irb, iim) : null;
  return iim && next ? { irb: next, iim } : null;
}
