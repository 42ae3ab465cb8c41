export { AwsConfigLoader, type AwsConfigLoaderOptions } from './aws-config-loader.js';
export { awsClientConfig, type AwsClientConfig } from './aws-client-config.js';
export { RemoteConfigError } from './remote-config.error.js';
export { SECRET_SOURCES, type SecretField, type SecretSource } from './secret-sources.js';
