import { readFile } from '../services/proof/read-file';
import { appError } from '../../shared/contract/messages';

/** A file named on the command line, its absence or unreadability a named error. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw appError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO_ERROR', `${file}${code === 'ENOENT' ? '' : `: ${(e as Error).message}`}`);
  }
}
