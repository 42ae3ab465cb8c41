/**
 * At most `limit` tasks run at once; the rest wait in arrival order. Used to keep argon2 from
 * occupying every libuv threadpool thread, which DNS lookups, file I/O and WebCrypto share.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('concurrency limit must be a positive integer');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      // Hands the slot straight to the next waiter, so `running` never dips and lets a newcomer cut in.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** The libuv threadpool size this process runs with (UV_THREADPOOL_SIZE, default 4). */
export function threadpoolSize(): number {
  const configured = Number(process.env.UV_THREADPOOL_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : 4;
}
