import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  SecretsManagerClient,
  UpdateSecretCommand,
} from '@aws-sdk/client-secrets-manager';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { motoClientConfig } from '../support/moto-clients.js';

/** Counts the commands a client sends, by name, so a test can show what was fetched. */
export function countCommands(client: SSMClient | SecretsManagerClient): Map<string, number> {
  const counts = new Map<string, number>();
  // The union's two middleware stacks have distinct type parameters; each accepts this untyped middleware.
  (client.middlewareStack as SSMClient['middlewareStack']).add(
    (next, context) => (args) => {
      const name = context.commandName ?? 'unknown';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'countCommands' },
  );
  return counts;
}

/**
 * A test's own corner of the shared moto_server: a parameter path and secret names no other test uses,
 * plus clients to write them with.
 */
export class MotoConfigFixture {
  readonly run = randomUUID().slice(0, 8);
  readonly path = `/hdoc-test-${this.run}/`;
  readonly ssm = new SSMClient(motoClientConfig());
  readonly secrets = new SecretsManagerClient(motoClientConfig());

  secretName(name: string): string {
    return `hdoc-test-${this.run}/${name}`;
  }

  async putParameter(name: string, value: string, type: 'String' | 'SecureString' = 'String'): Promise<void> {
    const fullName = name.startsWith('/') ? name : `${this.path}${name}`;
    await this.ssm.send(new PutParameterCommand({ Name: fullName, Value: value, Type: type, Overwrite: true }));
  }

  /** Creates the secret and answers its ARN (the template hands the functions ARNs). */
  async createSecret(name: string, value: string): Promise<string> {
    const created = await this.secrets.send(
      new CreateSecretCommand({ Name: this.secretName(name), SecretString: value }),
    );
    return created.ARN ?? this.secretName(name);
  }

  async updateSecret(name: string, value: string): Promise<void> {
    await this.secrets.send(new UpdateSecretCommand({ SecretId: this.secretName(name), SecretString: value }));
  }

  /** Clients for the loader under test, each with its own command counter. */
  loaderClients(): {
    ssmClient: SSMClient;
    secretsClient: SecretsManagerClient;
    ssmCalls: Map<string, number>;
    secretCalls: Map<string, number>;
  } {
    const ssmClient = new SSMClient(motoClientConfig());
    const secretsClient = new SecretsManagerClient(motoClientConfig());
    return { ssmClient, secretsClient, ssmCalls: countCommands(ssmClient), secretCalls: countCommands(secretsClient) };
  }

  destroy(): void {
    this.ssm.destroy();
    this.secrets.destroy();
  }
}
