import { AthenaClient } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { Catalog, DEFAULT_DATABASES, GlueCatalogBackend, LocalCatalogBackend } from '@autocorp/catalog';
import { resolveProfile, resolveStateHome } from '@autocorp/config';
import { resolveLakeUri } from '@autocorp/lake-storage';
import { AthenaExecutor, DuckDbExecutor, type QueryExecutor } from '@autocorp/query';
import { CliError } from '../../cli/cli-error';
import type { CommandIo } from '../../cli/command';

/** Glue database names: AUTOCORP_RAW_DATABASE / AUTOCORP_CURATED_DATABASE, else the defaults. */
export function catalogDatabases(env: NodeJS.ProcessEnv): { raw: string; curated: string } {
  return {
    raw: env.AUTOCORP_RAW_DATABASE?.trim() || DEFAULT_DATABASES.raw,
    curated: env.AUTOCORP_CURATED_DATABASE?.trim() || DEFAULT_DATABASES.curated,
  };
}

/**
 * The catalog of the profile: local JSON under <AUTOCORP_HOME>/catalog, or the Glue Data Catalog on aws.
 * The local catalog keeps locations in the lake (LAKE_URI or <AUTOCORP_HOME>/lake) relative to it,
 * so a copied or moved state folder still finds its tables.
 */
export function openCatalog(io: CommandIo): Catalog {
  if (resolveProfile(io.env) === 'aws') return new Catalog(new GlueCatalogBackend({ client: new GlueClient({}) }));
  return new Catalog(
    new LocalCatalogBackend({
      root: resolveStateHome(io.env, io.cwd).catalog,
      lakeUri: resolveLakeUri(undefined, { env: io.env, cwd: io.cwd }),
    }),
  );
}

/** The SQL engine of the profile: DuckDB over the lake locally, Athena (workgroup from AUTOCORP_ATHENA_WORKGROUP) on aws. */
export function openExecutor(io: CommandIo, catalog: Catalog): QueryExecutor {
  const { curated } = catalogDatabases(io.env);
  if (resolveProfile(io.env) === 'aws') {
    const workGroup = io.env.AUTOCORP_ATHENA_WORKGROUP?.trim();
    if (!workGroup) {
      throw new CliError(
        'usage',
        'AUTOCORP_PROFILE=aws needs AUTOCORP_ATHENA_WORKGROUP: set it to the Athena workgroup the CDK app deployed (e.g. autocorp-dev).',
      );
    }
    return new AthenaExecutor({ client: new AthenaClient({}), workGroup, database: curated });
  }
  return new DuckDbExecutor({ catalog, database: curated });
}
