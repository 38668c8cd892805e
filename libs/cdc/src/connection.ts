import pg from 'pg';

/** How to reach the source database: a pg client configuration (connectionString or host/port/user/...). */
export type CdcConnection = pg.ClientConfig;

/**
 * Session settings that make every text value unambiguous for the lake: ISO dates, UTC for
 * timestamptz, floats with full precision. Applied to the snapshot readers and to the walsender,
 * whose output functions format pgoutput's text values.
 */
const SESSION_OPTIONS =
  '-c DateStyle=ISO,YMD -c TimeZone=UTC -c extra_float_digits=3 -c IntervalStyle=postgres -c bytea_output=hex';

function withSessionOptions(config: CdcConnection): CdcConnection {
  const existing = config.options ? `${config.options} ` : '';
  return { ...config, options: `${existing}${SESSION_OPTIONS}` };
}

/** A normal SQL connection to the source. */
export async function connectSql(config: CdcConnection, applicationName = 'autocorp-cdc'): Promise<pg.Client> {
  const client = new pg.Client({ ...withSessionOptions(config), application_name: applicationName });
  await client.connect();
  client.on('error', () => {
    // Errors surface through the pending query; an idle broken connection is dropped by its owner.
  });
  return client;
}

/** A logical replication (walsender) connection to the source database. */
export async function connectReplication(config: CdcConnection, applicationName = 'autocorp-cdc'): Promise<pg.Client> {
  const client = new pg.Client({
    ...withSessionOptions(config),
    application_name: applicationName,
    replication: 'database',
  } as pg.ClientConfig);
  await client.connect();
  client.on('error', () => {
    // Surfaced by the replication stream's own error handling.
  });
  return client;
}
