import type { Logger } from 'pino';

/**
 * What must be released when the process stops (the in-process worker, connection pools...).
 * Adapters register here when the composition root creates them; shutdown closes them in reverse
 * order of registration (the last started depends on the earlier ones), each even if another failed.
 */
export class Closers {
  readonly #entries: { readonly name: string; readonly close: () => Promise<void> | void }[] = [];
  #closing: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  /** Registers something to close at shutdown. */
  register(name: string, close: () => Promise<void> | void): void {
    this.#entries.push({ name, close });
  }

  /** Closes everything once; later calls wait for the same run. */
  closeAll(): Promise<void> {
    this.#closing ??= this.#run();
    return this.#closing;
  }

  async #run(): Promise<void> {
    for (const { name, close } of [...this.#entries].reverse()) {
      try {
        await close();
        this.logger.info({ closer: name }, 'closed');
      } catch (error) {
        this.logger.error({ err: error, closer: name }, 'failed to close');
      }
    }
  }
}
