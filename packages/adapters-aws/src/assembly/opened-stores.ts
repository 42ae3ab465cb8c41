import type { ContainerModule } from 'inversify';

/** A dependency some stores need, as a readiness probe: resolves while it answers. */
export interface StoreProbe {
  /** `postgres`, `redis`, `dynamodb`, `s3`, `sqs`: names a dependency, never a host or a secret. */
  readonly name: string;
  check(): Promise<void>;
}

/** A port group's stores, opened: their bindings, a probe per dependency, and how to release the connections. */
export interface OpenedStores {
  readonly module: ContainerModule;
  readonly probes: readonly StoreProbe[];
  close(): Promise<void>;
}
