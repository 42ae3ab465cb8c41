/**
 * Builds the keys of one store under a prefix. Each key carries a Redis Cluster hash tag
 * (`{...}`): keys sharing a tag live in one slot, which is what lets a Lua script or MULTI touch
 * them together on a cluster. The prefix itself must not contain braces, or the tag would be its.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {
    if (/[{}]/.test(prefix)) throw new Error(`a Redis key prefix must not contain braces: ${prefix}`);
  }

  /** `<prefix>{<kind>:<id>}<suffix>`: every key of one `kind:id` pair in one slot. */
  tagged(kind: string, id: string, suffix = ''): string {
    return `${this.prefix}{${kind}:${id}}${suffix}`;
  }
}

/** Milliseconds from `now` to `expiresAt`, at least 1: a Redis TTL must be positive. */
export function ttlMs(expiresAt: Date, now: Date): number {
  return Math.max(1, expiresAt.getTime() - now.getTime());
}
