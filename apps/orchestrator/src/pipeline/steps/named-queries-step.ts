import { NAMED_QUERIES, runNamedQuery, schemaFromCatalogTables } from '@autocorp/query';
import { catalogDatabases, openCatalog, openExecutor } from '../../commands/query/query-backends';
import { describePeriod, formatQueryResult } from '../../commands/query/format-result';
import type { PipelineStep } from '../pipeline-step';

/** How many rows of each named query the summary shows. */
const SHOWN_ROWS = 5;

/** Runs every named query with its default parameters and prints the first rows of each. */
export const namedQueriesStep: PipelineStep = {
  name: 'named queries',
  async run(context) {
    const catalog = openCatalog(context.io);
    const executor = openExecutor(context.io, catalog);
    const schema = schemaFromCatalogTables(await catalog.listTables(catalogDatabases(context.io.env).curated));
    const details: string[] = [];
    for (const named of NAMED_QUERIES) {
      const result = await runNamedQuery(executor, named, {}, { schema });
      const shown = { ...result, rows: result.rows.slice(0, SHOWN_ROWS) };
      details.push(
        '',
        `-- ${named.name}: ${named.description} (${result.rows.length} row(s)${result.rows.length > SHOWN_ROWS ? `, first ${SHOWN_ROWS} shown` : ''})`,
      );
      const period = describePeriod(result.period);
      if (period !== undefined) details.push(period);
      details.push(formatQueryResult(shown, 'table').trimEnd());
    }
    return { headline: `${NAMED_QUERIES.length} named queries answered`, details };
  },
};
