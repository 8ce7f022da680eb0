import type { Api } from '../../../shared/contract/contract';
import type { LibraryPhoto } from '../../../shared/photo/library';
import { sortPhotos } from '../../../shared/photo/filter-sort';
import { backgroundDone } from './preview-background';
import type { LibraryStore } from './store';

// The photo desk's calls for speed (issue 15).
// library:settled: ingest answers as soon as a photo's thumbnail and record are
// there; the scan check and the camera files' full previews run behind the batch and may
// add a damage flag to the record. The photo desk asks for the batch's records once it
// has sent its last file and shows what the background found.
// library:first-page: on 10,000 photos the whole list (9 MB of JSON) took a second to
// reach the page, and while the host turned it into JSON it served no thumbnail: the first
// screen needs a few hundred, in the sheet's order; library:page brings the rest in pieces.

export function speedChannels(library: LibraryStore): Pick<Api, 'library:settled' | 'library:first-page' | 'library:page'> {
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
    'library:first-page': async ({ limit, sort, dir }) => {
      const all = await library.all();
      return { photos: sortPhotos(all, sort, dir).slice(0, limit), total: all.length };
    },
    'library:page': async ({ offset, limit }) => {
      const all = await library.all();
      return { photos: all.slice(offset, offset + limit), total: all.length };
    },
  };
}
