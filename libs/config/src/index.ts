export { ConfigError, type ConfigErrorKind } from './config-error';
export { PROFILES, type Profile, resolveProfile } from './profile';
export { DEFAULT_HOME_DIRNAME, type StateHome, resolveStateHome, stateHomeAt } from './state-home';
export {
  ASSISTANT_PROVIDERS,
  type AssistantProviderName,
  CONFIG_KEYS,
  type ConfigKey,
  type ConfigKeySpec,
  DEFAULT_API_HOST,
  DEFAULT_API_PORT,
  DEFAULT_CDC_CUT_MS,
  DEFAULT_ETL_INTERVAL_MS,
  DEFAULT_GENERATOR_SEED,
  DEFAULT_SCALE,
} from './platform/config-keys';
export { CONFIG_FILE_NAME, configFilePath, readConfigFile } from './platform/config-file';
export {
  type ConfigSource,
  type PlatformConfig,
  type ResolvePlatformConfigOptions,
  describeAccepted,
  resolvePlatformConfig,
} from './platform/resolve-platform-config';
export { type AssistantConfig } from './platform/assistant-config';
