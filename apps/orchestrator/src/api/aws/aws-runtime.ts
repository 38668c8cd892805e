import type { AthenaClient } from '@aws-sdk/client-athena';
import type { GlueClient } from '@aws-sdk/client-glue';
import { Catalog, GlueCatalogBackend } from '@autocorp/catalog';
import { DEFAULT_CDC_SLOT, type ObjectStore, S3ObjectStore, type S3StoreOptions } from '@autocorp/lake-storage';
import { COMPONENT_NAMES, type PlatformEvent, type PlatformStatus, ROUTES } from '@autocorp/platform-client';
import type { PlatformApiLambdaSettings } from '@autocorp/platform-client/platform-api-environment';
import { AthenaExecutor, type PollPolicy, type QueryExecutor } from '@autocorp/query';
import type { PlatformRuntime, ZoneDatabases } from '../platform-runtime';

export interface AwsRuntimeOptions {
  readonly settings: PlatformApiLambdaSettings;
  readonly glue: GlueClient;
  readonly athena: AthenaClient;
  /** How the lake's S3 client connects; default the Lambda's role in its region. */
  readonly s3?: S3StoreOptions;
  readonly athenaPoll?: Partial<PollPolicy>;
  readonly now?: () => number;
}

/**
 * The platform as the aws profile deploys it, read through its AWS backends: the raw zone's bucket (S3), the Glue
 * catalog (one database holds the zones), queries on Athena in the environment's workgroup (the same named queries
 * and read-only SQL guard). Nothing runs in the API: no source database connection, no live events; the routes
 * without an AWS backend answer `local-only` (ROUTES[...].localOnly).
 */
export class AwsRuntime implements PlatformRuntime {
  readonly store: ObjectStore;
  readonly catalog: Catalog;
  readonly databases: ZoneDatabases;
  readonly sourceConnection = null;
  readonly slotName = DEFAULT_CDC_SLOT;
  private readonly startedAt: number;

  constructor(private readonly options: AwsRuntimeOptions) {
    const { settings } = options;
    this.store = new S3ObjectStore(settings.lakeUri, options.s3 ?? {});
    this.catalog = new Catalog(new GlueCatalogBackend({ client: options.glue }));
    this.databases = { raw: settings.database, curated: settings.database };
    this.startedAt = (options.now ?? Date.now)();
  }

  createQueryExecutor(): QueryExecutor {
    const { settings, athena, athenaPoll } = this.options;
    return new AthenaExecutor({
      client: athena,
      workGroup: settings.workGroup,
      database: settings.database,
      // Raw SQL may read the tables of the environment's catalog database (the guard's allow list).
      allowedTables: async () => (await this.catalog.listTables(settings.database)).map((t) => t.name),
      ...(athenaPoll ? { poll: athenaPoll } : {}),
    });
  }

  /** For /health (GET /api/status itself is local-only on aws): nothing runs inside this API. */
  status(): PlatformStatus {
    return {
      mode: 'static',
      startedAt: this.startedAt,
      profile: `aws (${this.options.settings.environment})`,
      components: COMPONENT_NAMES.map((name) => ({
        name,
        health: 'stopped' as const,
        reason: ROUTES.status.localOnly ?? null,
        since: this.startedAt,
      })),
      cdc: null,
      etl: null,
      simulator: null,
    };
  }

  /** No live events on aws (GET /api/events is local-only). */
  subscribe(_listener: (event: PlatformEvent) => void): () => void {
    return () => undefined;
  }
}
