import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@autocorp/generator';
const out = '/tmp/etl-explore-export';
await generate({ seed: 42, scale: 0.003, out, targets: ['csv'], progress: false });
const defects = readFileSync(path.join(out, 'manifest/expected_defects.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
for (const [file, line, kind] of defects) {
  if (kind !== 'wrong-column-count') continue;
  const lines = readFileSync(path.join(out, file!), 'utf8').split('\n');
  console.log(file, line, JSON.stringify(lines[Number(line) - 1]));
}
