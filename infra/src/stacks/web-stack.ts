import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { resourceNames } from '../config/naming';
import { PlatformApiFunction } from '../constructs/platform-api-function';
import { removalPolicyOf } from '../constructs/removal';
import { WEB_APPS, webExportSource } from '../constructs/web-export-source';
import { webSecurityHeaders } from '../constructs/web-security-headers';
import { acknowledge } from '../nag/acknowledge';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface WebStackProps extends LakehouseStackProps {
  readonly key: kms.IKey;
  readonly databaseName: string;
  /** The Chat stack's function URL (IAM auth): CloudFront sends /api/chat* there. */
  readonly chatUrl: lambda.IFunctionUrl;
}

/** Static exports use trailing slashes (`/tables/`): S3 has the page as `/tables/index.html`. */
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (uri.lastIndexOf('.') <= uri.lastIndexOf('/')) request.uri = uri + '/index.html';
  return request;
}`;

/** CDK's BucketDeployment handler (one per stack and memory size): its permissions are CDK's, not ours to narrow. */
function acknowledgeDeploymentProvider(stack: Stack, site: s3.Bucket): void {
  const siteId = stack.getLogicalId(site.node.defaultChild as s3.CfnBucket);
  for (const provider of stack.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment')))
    acknowledge(
      provider,
      "CDK's BucketDeployment handler copies the staged exports from the CDK assets bucket into the site bucket and invalidates the distribution: CDK grants it object-level wildcards on exactly those two buckets, CloudFront invalidation (no resource type) and the basic execution role for its logs; its runtime is pinned by aws-cdk-lib.",
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'AwsSolutions-IAM5[Action::s3:List*]',
      'AwsSolutions-IAM5[Resource::*]',
      `AwsSolutions-IAM5[Resource::<${siteId}.Arn>/*]`,
      `AwsSolutions-IAM5[Resource::arn:aws:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*]`,
      'AwsSolutions-L1',
    );
}

/** Paths the platform API answers besides /api/* (liveness and its OpenAPI document). */
export const PLATFORM_API_PATHS = ['/api/*', '/health', '/openapi.json'] as const;
/** Paths the Chat stack's function answers; listed before /api/* so CloudFront matches them first. */
export const CHAT_API_PATH = '/api/chat*';

/**
 * The web apps on AWS: the ops dashboard's static export at `/` and the chat app's at `/chat/` (as `autocorp up`
 * serves them) in a private bucket behind CloudFront (origin access control, HTTPS only, security headers, access
 * logs), `/api/chat*` to the Chat stack's function and the other API paths to the platform API function, both
 * function URLs with IAM auth that only this distribution may call (origin access control for Lambda).
 */
export class WebStack extends Stack {
  readonly site: s3.Bucket;
  readonly logs: s3.Bucket;
  readonly api: PlatformApiFunction;
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    const names = resourceNames(config);
    const removalPolicy = removalPolicyOf(config);
    const autoDeleteObjects = config.removal === 'destroy';

    this.logs = new s3.Bucket(this, 'Logs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logs are delivered with an ACL grant.
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ id: 'expire-web-logs', expiration: Duration.days(config.retention.accessLogDays) }],
      removalPolicy,
      autoDeleteObjects,
    });
    acknowledge(
      this.logs,
      'This is the access-log destination of the site bucket and the distribution; logging it to itself would log every log delivery in a loop.',
      'AwsSolutions-S1',
    );
    this.site = new s3.Bucket(this, 'Site', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy,
      autoDeleteObjects,
    });

    this.api = new PlatformApiFunction(this, 'PlatformApi', {
      config,
      key: props.key,
      databaseName: props.databaseName,
    });
    const headers = webSecurityHeaders(this, `${names.prefix}-web-security-headers`);
    const indexRewrite = new cloudfront.Function(this, 'IndexRewrite', {
      functionName: `${names.prefix}-web-index`,
      comment: 'Serve /path/index.html for /path/ (static export with trailing slashes)',
      code: cloudfront.FunctionCode.fromInline(INDEX_REWRITE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });
    const apiBehavior = (url: lambda.IFunctionUrl): cloudfront.BehaviorOptions => ({
      origin: origins.FunctionUrlOrigin.withOriginAccessControl(url),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    });
    const platformApi = apiBehavior(this.api.url);
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `AutoCorp ${config.name}: ops dashboard, chat app, platform and chat APIs`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: indexRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [CHAT_API_PATH]: apiBehavior(props.chatUrl),
        ...Object.fromEntries(PLATFORM_API_PATHS.map((path) => [path, platformApi])),
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logs,
      logFilePrefix: 'cloudfront/',
    });
    acknowledge(
      this.distribution,
      'Internal operations tools for a company-wide audience: no country is excluded; access to data goes through IAM-authorized function URLs.',
      'AwsSolutions-CFR1',
    );
    acknowledge(
      this.distribution,
      'No WAF web ACL: the site is static files, and the APIs behind it are read-only function URLs that only this distribution may invoke (origin access control); add a web ACL with the company rules when exposing it beyond the team.',
      'AwsSolutions-CFR2',
    );
    acknowledge(
      this.distribution,
      'No custom domain is configured, so the distribution uses the default *.cloudfront.net certificate, whose minimum protocol CloudFront fixes; TLSv1.2_2021 applies once a domain and ACM certificate are added.',
      'AwsSolutions-CFR4',
    );

    const dashboard = new s3deploy.BucketDeployment(this, 'DashboardExport', {
      sources: [webExportSource('dashboard')],
      destinationBucket: this.site,
      // The chat app's files live under chat/: never pruned by the dashboard's deployment.
      exclude: [`${WEB_APPS.chat.sitePrefix}*`],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    const chat = new s3deploy.BucketDeployment(this, 'ChatExport', {
      sources: [webExportSource('chat')],
      destinationBucket: this.site,
      destinationKeyPrefix: WEB_APPS.chat.sitePrefix,
      distribution: this.distribution,
      distributionPaths: [`/${WEB_APPS.chat.sitePrefix}*`],
      memoryLimit: 512,
    });
    chat.node.addDependency(dashboard);
    acknowledgeDeploymentProvider(this, this.site);

    new CfnOutput(this, 'SiteUrl', {
      value: `https://${this.distribution.distributionDomainName}/`,
      description: 'The ops dashboard (/), the chat app (/chat/) and the APIs (/api/...)',
    });
  }
}
