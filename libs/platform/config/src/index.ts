export { ConfigError } from './config-error';
export { flag, hostPortList, logLevel, port, postgresUrl } from './env-fields';
export { loadConfig } from './load-config';
export { platformEnv, type PlatformConfig, type PlatformDefaults } from './platform-env';
