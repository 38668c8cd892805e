import { RemovalPolicy } from 'aws-cdk-lib';
import type { EnvironmentConfig } from '../config/environment-config';

/** prod and staging keep stateful resources when a stack is deleted; dev removes them. */
export function removalPolicyOf(config: Pick<EnvironmentConfig, 'removal'>): RemovalPolicy {
  return config.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}
