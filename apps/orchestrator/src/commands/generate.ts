import path from 'node:path';
import { DEFAULT_GENERATOR_SEED, resolveStateHome } from '@autocorp/config';
import { type GenerationSummary, type GenerationTarget, TARGETS, generate } from '@autocorp/generator';
import { migrate } from '@autocorp/source-db';
import { formatBytes, formatTable } from '@autocorp/terminal';
import type { Command } from '../cli/command';
import { listOption, numberOption } from '../cli/option-values';
import { commandProgress } from '../cli/progress-drawing';
import { withSourceDb } from './with-source-db';

/** The default generator seed (owned by @autocorp/config). */
export const DEFAULT_SEED = DEFAULT_GENERATOR_SEED;

/** The generation summary as text: PostgreSQL tables and CSV files with their row counts. */
export function formatGenerationSummary(s: GenerationSummary): string {
  const lines: string[] = [];
  const tables = Object.entries(s.tables);
  if (tables.length > 0) {
    lines.push(
      formatTable(
        ['PostgreSQL table', 'rows'],
        tables.map(([name, t]) => [name, t?.rows ?? 0]),
      ),
      '',
    );
  }
  const files = Object.entries(s.files);
  if (files.length > 0) {
    lines.push(
      formatTable(
        ['CSV file', 'rows', 'size'],
        files.map(([name, f]) => [name, f.rows, formatBytes(f.bytes)]),
      ),
      '',
      `CSV export in ${s.out}`,
    );
  }
  return lines.join('\n') + '\n';
}

export const generateCommand: Command = {
  path: ['generate'],
  summary: 'Generate the AutoCorp business data: load PostgreSQL and/or write the CSV exports',
  description:
    'Deterministic: the same --seed and --scale give byte-identical files and identical tables. At --scale 1 it reproduces the business at its real size (397,146 PostgreSQL orders, 7,271,303 CSV rows); the catalog tables stay whole at every scale, volumes scale proportionally.',
  options: {
    scale: {
      type: 'string',
      default: '1',
      valueName: '<n>',
      description: 'Size relative to the real business (e.g. 0.01, 1, 2)',
    },
    seed: {
      type: 'string',
      default: String(DEFAULT_SEED),
      valueName: '<n>',
      description: 'Random seed (whole number)',
    },
    out: {
      type: 'string',
      valueName: '<dir>',
      description: 'Folder for the CSV files (default: <AUTOCORP_HOME>/generated)',
    },
    target: {
      type: 'string',
      default: TARGETS.join(','),
      valueName: '<list>',
      description: 'What to generate: postgres, csv or both',
    },
    replace: {
      type: 'boolean',
      default: false,
      description: 'Empty the source tables first instead of refusing to load into non-empty ones',
    },
  },
  async run(values, _positionals, io) {
    const scale = numberOption(values.scale, 'scale', { min: 0, exclusiveMin: true });
    const seed = numberOption(values.seed, 'seed', { integer: true });
    const targets = listOption<GenerationTarget>(values.target, 'target', TARGETS);
    const out = path.resolve(
      io.cwd,
      typeof values.out === 'string' ? values.out : resolveStateHome(io.env, io.cwd).generated,
    );
    const common = { seed, scale, out, targets, replace: values.replace === true, onProgress: commandProgress(io) };
    const summary = targets.includes('postgres')
      ? await withSourceDb(io, async (db) => {
          await migrate(db);
          return generate({ ...common, pool: db.pool });
        })
      : await generate(common);
    io.stdout.write(formatGenerationSummary(summary));
  },
};
