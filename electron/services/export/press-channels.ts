import type { Api } from '../../../shared/contract/contract';
import type { ExportServices } from './export-job';
import { pressSeparations } from './press-separations';
import { pressSettingsView, setPressSettings } from './press-settings';

// The press channels (issue 13) over the export services.
export function pressChannels(svc: ExportServices): Pick<Api, 'press:settings' | 'press:settings-set' | 'press:separations'> {
  return {
    'press:settings': async ({ edition }) => pressSettingsView(svc.workspace, svc.rendererDir, edition),
    'press:settings-set': async (input) => setPressSettings(svc.workspace, svc.rendererDir, input),
    'press:separations': async (input) => pressSeparations(svc, input),
  };
}
