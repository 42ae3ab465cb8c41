import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Redis } from 'ioredis';
import type pg from 'pg';
import type { InstrumentableAwsClient, StoreInstrumentation } from './store-instrumentation.js';

/** The services whose calls a {@link CallCounter} tells apart. */
export type CountedService = 'dynamodb' | 's3' | 'sqs' | 'postgres' | 'redis';

/** One round trip to a service: `GetItem`, `select`, `hgetall`, `multi` (a whole transaction)... */
export interface CountedCall {
  readonly service: CountedService;
  readonly operation: string;
}

const SERVICE_OF_CLIENT: Readonly<Record<string, CountedService>> = { DynamoDBClient: 'dynamodb', S3Client: 's3', SQSClient: 'sqs' };

/** What ioredis passes `sendCommand` for the commands of a pipeline or a MULTI: one object per sent batch. */
interface PipelineStream {
  readonly isPipeline?: boolean;
}

/**
 * Counts the round trips the store adapters make, through {@link StoreInstrumentation}: SDK calls by a
 * middleware in the `deserialize` step (reached once per HTTP attempt, never by presigning, which stops
 * before signing), PostgreSQL queries by wrapping each pooled connection's `query`, Redis commands by
 * wrapping `sendCommand` (a pipeline or MULTI/EXEC is written and answered as one batch, so it counts 1).
 * Measurement tooling: nothing in production creates one.
 */
export class CallCounter {
  private calls: CountedCall[] = [];

  /** The hooks to hand the composition. */
  readonly instrumentation: StoreInstrumentation = {
    onAwsClient: (client) => this.countAwsCalls(client),
    onPostgresPool: (pool) => {
      pool.on('connect', (connection) => this.countQueries(connection));
    },
    onRedis: (client) => this.countCommands(client),
  };

  /** The calls counted since the last take, in the order they were sent; counting starts afresh. */
  take(): readonly CountedCall[] {
    const taken = this.calls;
    this.calls = [];
    return taken;
  }

  private record(service: CountedService, operation: string): void {
    this.calls.push({ service, operation });
  }

  private countAwsCalls(client: InstrumentableAwsClient): void {
    // The three clients' stacks differ only in their input and output types, which this middleware passes through untouched.
    (client.middlewareStack as unknown as Pick<DynamoDBClient['middlewareStack'], 'add'>).add(
      (next, context) => async (args) => {
        const service = SERVICE_OF_CLIENT[String(context['clientName'])];
        if (service !== undefined) this.record(service, String(context['commandName']).replace(/Command$/, ''));
        return next(args);
      },
      { step: 'deserialize', name: 'hdocCallCounter' },
    );
  }

  private countQueries(connection: pg.PoolClient): void {
    const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
    connection.query = ((...args: unknown[]) => {
      const text = typeof args[0] === 'string' ? args[0] : ((args[0] as { text?: string } | undefined)?.text ?? '');
      this.record('postgres', text.trimStart().split(/\s/, 1)[0]?.toLowerCase() ?? '');
      return query(...args);
    }) as typeof connection.query;
  }

  private countCommands(client: Redis): void {
    const send = client.sendCommand.bind(client);
    const batches = new WeakSet<PipelineStream>();
    client.sendCommand = (command, stream) => {
      const batch = (stream as PipelineStream | undefined)?.isPipeline === true ? (stream as PipelineStream) : undefined;
      if (batch === undefined) this.record('redis', command.name);
      else if (!batches.has(batch)) {
        batches.add(batch);
        this.record('redis', command.name === 'multi' ? 'multi' : `pipeline:${command.name}`);
      }
      return send(command, stream);
    };
  }
}
