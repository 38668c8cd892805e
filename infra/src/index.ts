export { InfraError, type InfraErrorKind } from './infra-error';
export * from './config/environment-config';
export { ENVIRONMENTS } from './config/environments';
export { LAKE_PREFIXES, type ResourceNames, resourceNames } from './config/naming';
export { OVERRIDES, type OverrideSources, isEnvironmentName, resolveEnvironment } from './config/resolve-environment';
export { configProblems, validateConfig } from './config/validate-config';
export { mergeOverrides } from './config/merge-overrides';
export { type GlueJobInput, orderJobs } from './inputs/glue-job-input';
export { type NamedQueryInput, checkNamedQueries } from './inputs/named-query-input';
export {
  glueEnvironmentFor,
  glueJobsFromDefinitions,
  namedQueriesFromDefinitions,
  replicationSlotName,
  sourceTableNames,
  zoneArguments,
} from './inputs/shared-definitions';
export { APP_STACKS, STACK_IDS, type StackId, type StackKey, stackName } from './app/stack-ids';
export { type DeployingApp, deployArguments } from './app/deploy-command';
export { buildLakehouse, type LakehouseInputs, type LakehouseStacks } from './app/build-lakehouse';
export { type CreateAppOptions, type LakehouseApp, cdkJsonContext, createLakehouseApp } from './app/create-app';
export { type TriggerStep, type WorkflowPlan, planWorkflow } from './constructs/glue-workflow-plan';
export { dmsTableMappings, DMS_TABLE_PREFIX, DMS_TARGET_SCHEMA_FOLDER } from './constructs/dms-table-mappings';
