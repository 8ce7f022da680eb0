import type { Api } from '../../../shared/contract/contract';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { backgroundDone } from './preview-background';
import type { LibraryStore } from './store';

// library:settled (issue 15): ingest answers as soon as a photo's thumbnail and record are
// there; the scan check and the camera files' full previews run behind the batch and may
// add a damage flag to the record. The photo desk asks for the batch's records once it
// has sent its last file and shows what the background found.

export function settledChannels(library: LibraryStore): Pick<Api, 'library:settled'> {
  return {
    'library:settled': async ({ ids, waitMs }) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<void>((r) => { timer = setTimeout(r, waitMs); });
      try {
        await Promise.race([Promise.all(ids.map((id) => backgroundDone(id))), limit]);
      } finally {
        clearTimeout(timer);
      }
      const out: LibraryPhoto[] = [];
      for (const id of ids) {
        const p = await library.get(id);
        if (p) out.push(p);
      }
      return out;
    },
  };
}
