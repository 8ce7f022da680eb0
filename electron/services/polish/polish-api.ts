import type { Api } from '../../../shared/contract/contract';
import type { HouseStyle } from '../../../shared/document/house-style';
import { join } from 'node:path';
import { writeJsonAtomic } from '../atomic-write';
import { readEdition } from '../edition-store';
import type { createSerialQueue } from '../serial-queue';
import type { Workspace } from '../workspace';

// The channels of issue 17 (first-hour polish), spread into createApi.

type SerialQueue = ReturnType<typeof createSerialQueue>;

export interface PolishContext {
  /** Sets the window's taskbar progress (Electron's BrowserWindow.setProgressBar); absent in the browser host. */
  progress?: ((fraction: number | null) => void) | undefined;
}

/**
 * Writes the house style into edition.json; in the page queue, as every edition.json write.
 * readEdition refuses a file that does not parse, so a broken edition.json is never written over.
 */
export async function setHouseStyle(dir: string, houseStyle: HouseStyle): Promise<void> {
  const edition = await readEdition(dir);
  await writeJsonAtomic(join(dir, 'edition.json'), { ...edition, houseStyle });
}

export function polishChannels(ws: Workspace, pageWrites: SerialQueue, ctx: PolishContext): Pick<Api, 'edition:house-style' | 'app:progress'> {
  return {
    'edition:house-style': async ({ edition, houseStyle }) => {
      const dir = await ws.resolveEdition(edition);
      await pageWrites(() => setHouseStyle(dir, houseStyle));
      return { ok: true as const };
    },
    'app:progress': async ({ fraction }) => {
      if (!ctx.progress) return { shown: false };
      ctx.progress(fraction);
      return { shown: true };
    },
  };
}
