import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_NAMES, type EnvironmentConfig } from '../src/config/environment-config';
import { ENVIRONMENTS } from '../src/config/environments';
import { mergeOverrides } from '../src/config/merge-overrides';
import { resourceNames } from '../src/config/naming';
import { resolveEnvironment } from '../src/config/resolve-environment';
import { configProblems } from '../src/config/validate-config';
import { InfraError } from '../src/infra-error';
import { removeOverrideFile, writeOverrideFile } from './support/synthesize';

const noContext = () => undefined;
const contextOf = (values: Record<string, string>) => (key: string) => values[key];

describe('environment configuration', () => {
  it('ships three deployable environments with placeholder accounts', () => {
    for (const name of ENVIRONMENT_NAMES) expect(configProblems(ENVIRONMENTS[name]), name).toEqual([]);
    expect(ENVIRONMENTS.dev.account).toBe('111111111111');
    expect(ENVIRONMENTS.prod).toMatchObject({ removal: 'retain', terminationProtection: true });
    expect(ENVIRONMENTS.dev).toMatchObject({ removal: 'destroy', terminationProtection: false });
  });

  it('refuses a created network without NAT (no route to the source) and a plugin name the DMS API does not know', () => {
    const dev = ENVIRONMENTS.dev;
    if (dev.network.mode !== 'create') throw new Error('dev creates its network');
    const isolated = configProblems({ ...dev, network: { ...dev.network, natGateways: 0 } });
    expect(isolated).toEqual([
      expect.stringMatching(
        /^network\.natGateways: is 0 and no transitGateway is set, .*natGateways to 1 or more.*network\.transitGateway.*network\.mode "existing"/,
      ),
    ]);
    const badGateway = configProblems({
      ...dev,
      network: { ...dev.network, natGateways: 0, transitGateway: { id: 'tgw-x', sourceCidrs: [] } },
    });
    expect(badGateway).toEqual([
      expect.stringMatching(/^network\.transitGateway\.id: "tgw-x"/),
      expect.stringMatching(/^network\.transitGateway\.sourceCidrs: must list/),
    ]);
    const postgresName = configProblems({
      ...dev,
      source: { ...dev.source, decodingPlugin: 'test_decoding' as never },
    });
    expect(postgresName).toEqual([
      expect.stringMatching(
        /^source\.decodingPlugin: "test_decoding" is not a DMS PluginName; use one of no-preference, test-decoding, pglogical/,
      ),
    ]);
  });

  it('picks dev by default, then AUTOCORP_ENV, then -c env (context wins)', () => {
    expect(resolveEnvironment({ context: noContext, env: {}, cwd: '/' }).name).toBe('dev');
    expect(resolveEnvironment({ context: noContext, env: { AUTOCORP_ENV: 'staging' }, cwd: '/' }).name).toBe('staging');
    expect(
      resolveEnvironment({ context: contextOf({ env: 'prod' }), env: { AUTOCORP_ENV: 'staging' }, cwd: '/' }).name,
    ).toBe('prod');
  });

  it('rejects an unknown environment name, saying which names exist', () => {
    expect(() => resolveEnvironment({ context: contextOf({ env: 'qa' }), env: {}, cwd: '/' })).toThrow(
      /Unknown environment "qa".*dev\|staging\|prod/,
    );
  });

  it('takes the real account, region and alarm e-mail from context or environment variables', () => {
    const config = resolveEnvironment({
      context: contextOf({ env: 'prod', account: '123456789012' }),
      env: {
        AUTOCORP_AWS_ACCOUNT: '999999999999',
        AUTOCORP_AWS_REGION: 'eu-west-1',
        AUTOCORP_ALARM_EMAIL: 'ops@autocorp.example',
      },
      cwd: '/',
    });
    expect(config).toMatchObject({
      account: '123456789012',
      region: 'eu-west-1',
      monitoring: { alarmEmail: 'ops@autocorp.example' },
    });
  });

  it('fails on a malformed account id with the field and the fix', () => {
    const call = () => resolveEnvironment({ context: contextOf({ account: '12345' }), env: {}, cwd: '/' });
    expect(call).toThrow(InfraError);
    expect(call).toThrow(/account: "12345" is not a 12-digit AWS account id/);
  });

  it('merges an override file section: nested settings merge, a union variant is replaced whole', () => {
    const file = writeOverrideFile({
      staging: {
        network: {
          mode: 'existing',
          vpcId: 'vpc-0123456789abcdef0',
          availabilityZones: ['us-east-1a', 'us-east-1b'],
          subnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
        },
        etl: { numberOfWorkers: 8 },
      },
    });
    const config = (() => {
      try {
        return resolveEnvironment({ context: contextOf({ env: 'staging', configFile: file }), env: {}, cwd: '/' });
      } finally {
        removeOverrideFile(file);
      }
    })();
    expect(config.network).toEqual({
      mode: 'existing',
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      subnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
    });
    expect(config.etl).toEqual({ ...ENVIRONMENTS.staging.etl, numberOfWorkers: 8 });
  });

  it('rejects a misspelt override key instead of ignoring it', () => {
    expect(() => mergeOverrides(ENVIRONMENTS.dev, { etl: { numberOfWorker: 4 } }, 'dev')).toThrow(
      /Unknown setting dev.etl.numberOfWorker/,
    );
  });

  it('reports every problem of an invalid configuration at once', () => {
    const broken: EnvironmentConfig = {
      ...ENVIRONMENTS.dev,
      dms: { mode: 'serverless', minCapacityUnits: 3, maxCapacityUnits: 2, multiAz: false },
      retention: { ...ENVIRONMENTS.dev.retention, rawInfrequentAccessDays: 10, logRetentionDays: 11 },
      csvTransfer: { source: { kind: 'nfs', serverHostname: 'nfs.example', subdirectory: 'exports', agentArns: [] } },
      query: { bytesScannedCutoffPerQuery: 1000 },
    };
    const problems = configProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dms.minCapacityUnits:/),
        expect.stringMatching(/^dms.maxCapacityUnits: must be at least minCapacityUnits/),
        expect.stringMatching(/^retention.rawInfrequentAccessDays: must be at least 30/),
        expect.stringMatching(/^retention.logRetentionDays:/),
        expect.stringMatching(/^csvTransfer.source.agentArns:/),
        expect.stringMatching(/^csvTransfer.source.subdirectory:/),
        expect.stringMatching(/^query.bytesScannedCutoffPerQuery:/),
      ]),
    );
  });

  it('names resources per environment so dev, staging and prod can share an account', () => {
    const dev = resourceNames(ENVIRONMENTS.dev);
    const prod = resourceNames(ENVIRONMENTS.prod);
    expect(dev.bucket('raw')).toBe('autocorp-dev-raw-111111111111-us-east-1');
    expect(dev.glueJob('sales_order_parts')).toBe('autocorp-dev-etl-sales-order-parts');
    expect(dev.glueDatabase).not.toBe(prod.glueDatabase);
    for (const name of ENVIRONMENT_NAMES) {
      for (const purpose of ['raw', 'processed', 'curated', 'athena-results', 'access-logs'] as const) {
        expect(
          resourceNames({ ...ENVIRONMENTS[name], region: 'ap-southeast-2' }).bucket(purpose).length,
        ).toBeLessThanOrEqual(63);
      }
    }
  });
});
