import type { StackProps } from 'aws-cdk-lib';
import type { EnvironmentConfig } from '../config/environment-config';

export interface LakehouseStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}
