import { readFileSync } from 'node:fs';
import { parseCscModel } from '../shared/proof/csc/model';
import { clearTypoCache, detectTypos } from '../shared/proof/csc/detect';
const model = parseCscModel(readFileSync('resources/csc/csc-model.txt', 'utf8'));
const items = ['test', 'train'].flatMap((s) => JSON.parse(readFileSync(`tests/corpus/sighan15/${s}.json`, 'utf8')) as { original_text: string }[]);
for (let r = 0; r < 4; r++) {
  clearTypoCache(model);
  const t0 = performance.now(); const c0 = process.cpuUsage();
  let n = 0;
  for (const d of items) n += detectTypos(model, d.original_text, 10.5).length;
  console.log('detect', (performance.now() - t0).toFixed(0), 'cpu', (process.cpuUsage(c0).user / 1000).toFixed(0), n);
}
