export { ConfigError, type ConfigErrorKind } from './config-error';
export { PROFILES, type Profile, resolveProfile } from './profile';
export { DEFAULT_HOME_DIRNAME, type StateHome, resolveStateHome, stateHomeAt } from './state-home';
