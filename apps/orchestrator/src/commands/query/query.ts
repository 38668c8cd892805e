import { NAMED_QUERIES, runNamedQuery, schemaFromCatalogTables } from '@autocorp/query';
import { CliError } from '../../cli/cli-error';
import type { Command } from '../../cli/command';
import { OUTPUT_FORMATS, type OutputFormat, describePeriod, formatQueryResult } from './format-result';

/** `--param k=v` values into an object, naming a malformed one. */
export function parseParams(values: unknown): Record<string, string> {
  const list = Array.isArray(values) ? values : values === undefined ? [] : [values];
  const params: Record<string, string> = {};
  for (const item of list) {
    const text = String(item);
    const eq = text.indexOf('=');
    if (eq <= 0)
      throw new CliError('usage', `--param "${text}" is not of the form name=value (e.g. --param start=2024-01-01).`);
    params[text.slice(0, eq)] = text.slice(eq + 1);
  }
  return params;
}

export const queryCommand: Command = {
  path: ['query'],
  summary: 'Run read-only SQL or a named query over the curated tables (DuckDB locally, Athena on aws)',
  description: [
    'Raw SQL must be a single SELECT/WITH over catalog tables; anything that writes, changes schema or reads files is refused.',
    `Named queries: ${NAMED_QUERIES.map((q) => q.name).join(', ')}.`,
    'Time travel with --as-of <instant|timestamp>; incremental reads with --since <instant> (and --until).',
  ].join('\n'),
  positionals: ['[<sql>]'],
  options: {
    named: { type: 'string', valueName: '<name>', description: 'Run a named query instead of SQL' },
    param: { type: 'string', multiple: true, valueName: '<k=v>', description: 'A named query parameter (repeatable)' },
    format: { type: 'string', default: 'table', valueName: '<fmt>', description: 'Output: table, csv or json' },
    'as-of': {
      type: 'string',
      valueName: '<instant|time>',
      description: 'Read the tables as of a Hudi instant (yyyyMMddHHmmssSSS) or ISO time',
    },
    since: {
      type: 'string',
      valueName: '<instant>',
      description: 'Incremental: only rows committed after this instant',
    },
    until: { type: 'string', valueName: '<instant>', description: 'Incremental: up to this instant (default: latest)' },
    list: { type: 'boolean', default: false, description: 'List the named queries with their parameters' },
  },
  async run(values, positionals, io) {
    if (values.list) {
      for (const q of NAMED_QUERIES) {
        const params = q.parameters
          .map((p) => `${p.name}=${p.default !== undefined ? String(p.default) : `<${p.dataDefault ?? 'none'}>`}`)
          .join(' ');
        io.stdout.write(`${q.name}${params ? `  [${params}]` : ''}\n    ${q.description}\n`);
      }
      return;
    }
    const format = String(values.format) as OutputFormat;
    if (!OUTPUT_FORMATS.includes(format))
      throw new CliError('usage', `--format "${format}" is not one of: ${OUTPUT_FORMATS.join(', ')}.`);
    const sql = positionals[0];
    const named = typeof values.named === 'string' ? values.named : undefined;
    if ((sql === undefined) === (named === undefined)) {
      throw new CliError(
        'usage',
        'give either SQL text ("autocorp query \\"SELECT ...\\"") or --named <name>, not both and not neither. "autocorp query --list" lists the named queries.',
      );
    }
    if (values.since === undefined && values.until !== undefined)
      throw new CliError('usage', '--until needs --since (an incremental read is a range).');
    if (values.since !== undefined && values['as-of'] !== undefined)
      throw new CliError('usage', '--as-of and --since cannot be combined: use one.');
    // Loaded here, not at the top: --list and usage errors need no DuckDB, Glue or Athena client.
    const { catalogDatabases, openCatalog, openExecutor } = await import('./query-backends');
    const catalog = openCatalog(io);
    const executor = openExecutor(io, catalog);
    const options = {
      ...(typeof values['as-of'] === 'string' ? { asOf: values['as-of'] } : {}),
      ...(typeof values.since === 'string' ? { since: values.since } : {}),
      ...(typeof values.until === 'string' ? { until: values.until } : {}),
    };
    if (named !== undefined) {
      const tables = await catalog.listTables(catalogDatabases(io.env).curated);
      const result = await runNamedQuery(executor, named, parseParams(values.param), {
        ...options,
        ...(tables.length > 0 ? { schema: schemaFromCatalogTables(tables) } : {}),
      });
      // The period goes with the table; with csv/json on stdout it goes to stderr so the output stays parseable.
      const period = describePeriod(result.period);
      if (period !== undefined) (format === 'table' ? io.stdout : io.stderr).write(`${period}\n`);
      io.stdout.write(formatQueryResult(result, format));
      return;
    }
    if (values.param !== undefined)
      throw new CliError('usage', '--param goes with --named; raw SQL takes no parameters.');
    io.stdout.write(formatQueryResult(await executor.execute(sql as string, [], options), format));
  },
};
