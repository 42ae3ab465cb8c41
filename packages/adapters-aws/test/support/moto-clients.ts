import { inject } from 'vitest';

/**
 * Settings for an AWS SDK v3 client that talks to the run's moto_server: its endpoint, a fixed region and
 * dummy credentials (moto accepts any), so no test depends on the machine's AWS configuration.
 */
export function motoClientConfig(): {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
} {
  return {
    endpoint: inject('motoEndpoint'),
    region: 'us-east-1',
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
}
