import type { Resolve, UseCaseClass } from '@hdoc/composition';
import type { SqsConsumer } from '../sqs/sqs-consumer.js';

/**
 * One queue's consumer as an entrypoint: its service name, the use cases it runs (all the composition
 * binds and loads for it), and how to build the consumer from the composed container.
 */
export interface ConsumerEntrypoint<M> {
  /** The `service` of its log lines, e.g. `hdoc-verify-entry`. */
  readonly service: string;
  readonly useCases: readonly UseCaseClass[];
  consumer(resolve: Resolve): SqsConsumer<M>;
}
