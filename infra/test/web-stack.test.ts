import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_API_LAMBDA_ENV } from '@autocorp/platform-client/platform-api-environment';
import { CHAT_API_PATH, PLATFORM_API_PATHS } from '../src/stacks/web-stack';
import { type SynthesizedEnvironment, synthesizeEnvironment } from './support/synthesize';

type Resources = Record<string, { Type: string; Properties?: Record<string, any> }>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('web stack (dev): the web apps on S3 + CloudFront, the platform API Lambda', () => {
  let dev: SynthesizedEnvironment;
  let resources: Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  beforeAll(() => {
    dev = synthesizeEnvironment('dev');
    resources = dev.json.web.Resources as Resources;
  });
  afterAll(() => dev?.cleanup());

  it('keeps both buckets private, encrypted and TLS-only, the site logged', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets).toHaveLength(2);
    for (const [, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption).toBeDefined();
    }
    dev.templates.web.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { LogFilePrefix: 'site/' },
    });
    for (const [, policy] of ofType('AWS::S3::BucketPolicy')) {
      const statements = policy.Properties?.PolicyDocument.Statement as { Effect: string; Principal: unknown }[];
      expect(statements.filter((s) => s.Effect === 'Allow').map((s) => s.Principal)).not.toContainEqual('*');
      expect(statements.filter((s) => s.Effect === 'Allow').map((s) => s.Principal)).not.toContainEqual({ AWS: '*' });
    }
  });

  it('serves the bucket through origin access control (no OAI) and the API function URLs through OAC for Lambda', () => {
    const oacs = ofType('AWS::CloudFront::OriginAccessControl').map(([, r]) => r.Properties?.OriginAccessControlConfig);
    expect(oacs.map((c) => c.OriginAccessControlOriginType).sort()).toEqual(['lambda', 'lambda', 's3']);
    for (const config of oacs) expect(config).toMatchObject({ SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    expect(ofType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
    const urls = ofType('AWS::Lambda::Url');
    expect(urls).toHaveLength(1);
    expect(urls[0]![1].Properties?.AuthType).toBe('AWS_IAM');
    // Both functions may be invoked through their URL by this distribution only.
    const permissions = ofType('AWS::Lambda::Permission').map(([, r]) => r.Properties!);
    expect(permissions.length).toBeGreaterThanOrEqual(2);
    for (const permission of permissions) {
      expect(permission.Principal).toBe('cloudfront.amazonaws.com');
      expect(JSON.stringify(permission.SourceArn)).toContain('distribution/');
    }
  });

  it('routes /api/chat* to the chat function, the other API paths to the platform API, the rest to the bucket, HTTPS only', () => {
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0]!;
    const config = distribution.Properties?.DistributionConfig;
    const originOf = (id: string) => config.Origins.find((o: { Id: string }) => o.Id === id);
    const behaviors = config.CacheBehaviors as {
      PathPattern: string;
      TargetOriginId: string;
      ViewerProtocolPolicy: string;
    }[];
    expect(behaviors.map((b) => b.PathPattern)).toEqual([CHAT_API_PATH, ...PLATFORM_API_PATHS]);
    const chat = originOf(behaviors[0]!.TargetOriginId);
    expect(JSON.stringify(chat.DomainName)).toContain('Fn::GetStackOutput');
    const api = new Set(behaviors.slice(1).map((b) => b.TargetOriginId));
    expect(api.size).toBe(1);
    expect(JSON.stringify(originOf([...api][0]!).DomainName)).toContain('PlatformApiHandlerFunctionUrl');
    for (const behavior of behaviors) expect(behavior.ViewerProtocolPolicy).toBe('https-only');
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(originOf(config.DefaultCacheBehavior.TargetOriginId).S3OriginConfig).toBeDefined();
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(config.DefaultRootObject).toBe('index.html');
  });

  it('answers with security headers on the site and the APIs', () => {
    dev.templates.web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000, Override: true }),
          ContentSecurityPolicy: Match.objectLike({
            ContentSecurityPolicy: Match.stringLikeRegexp("frame-ancestors 'none'"),
          }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      },
    });
    const [, distribution] = ofType('AWS::CloudFront::Distribution')[0]!;
    const config = distribution.Properties?.DistributionConfig;
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors])
      expect(behavior.ResponseHeadersPolicyId).toBeDefined();
  });

  it('deploys the dashboard export at / and the chat export at /chat/ without pruning each other', () => {
    const deployments = ofType('Custom::CDKBucketDeployment').map(([, r]) => r.Properties!);
    expect(deployments).toHaveLength(2);
    const chat = deployments.find((d) => d.DestinationBucketKeyPrefix === 'chat/');
    const dashboard = deployments.find((d) => d.DestinationBucketKeyPrefix === undefined);
    expect(chat).toBeDefined();
    expect(dashboard?.Exclude).toEqual(['chat/*']);
    expect(dashboard?.DistributionPaths).toEqual(['/*']);
    expect(chat?.DistributionPaths).toEqual(['/chat/*']);
  });

  it('passes cdk-nag with only reasoned acknowledgements', () => {
    expect(
      dev.nagViolations.filter((v) => v.violatingResources.some((r) => r.constructPath?.startsWith('Web/'))),
    ).toEqual([]);
  });

  it('gives the platform API its settings by the names the handler reads, and a role limited to its catalog, workgroup and metrics', () => {
    const [, fn] = ofType('AWS::Lambda::Function').find(
      ([, r]) => r.Properties?.FunctionName === 'autocorp-dev-platform-api',
    )!;
    expect(Object.keys(fn.Properties?.Environment.Variables).sort()).toEqual(
      Object.values(PLATFORM_API_LAMBDA_ENV).sort(),
    );
    expect(fn.Properties?.Environment.Variables[PLATFORM_API_LAMBDA_ENV.workGroup]).toBe('autocorp-dev');
    const policies = ofType('AWS::IAM::Policy').filter(([id]) => id.startsWith('PlatformApiPolicy'));
    expect(policies).toHaveLength(1);
    const statements = policies[0]![1].Properties?.PolicyDocument.Statement as {
      Action: string | string[];
      Resource: unknown;
    }[];
    const actions = statements.flatMap((s) => [s.Action].flat());
    for (const action of actions)
      expect(action).toMatch(
        /^(logs|glue|athena|s3|kms|cloudwatch):(Get|Put|Create|List|Start|Stop|Abort|Decrypt|GenerateDataKey|BatchGet)/,
      );
    expect(actions.filter((a) => /:(Delete|Update|Create(Table|Database))/.test(a))).toEqual([]);
    const star = statements.filter((s) => s.Resource === '*').flatMap((s) => [s.Action].flat());
    expect(star).toEqual(['cloudwatch:GetMetricData']);
  });
});
