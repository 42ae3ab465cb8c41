import type { Clock, RefreshRotation, RefreshTokenMatch, RotationOutcome, Session, SessionStore } from '@hdoc/domain';
import { DEFAULT_SESSION_POLICY } from '@hdoc/domain';
import type { ChainableCommander, Cluster, Redis } from 'ioredis';
import { RedisKeys, ttlMs } from './redis-keys.js';
import { END_SCRIPT, ROTATE_SCRIPT } from './session-scripts.js';

/** Writes to the keys of one slot, added to a batch. */
type SlotWrites = (steps: ChainableCommander) => ChainableCommander;

/** The session scripts as ioredis adds them to a batch. */
interface SessionScripts {
  hdocSessionRotate(sessionKey: string, tokensKey: string, ...args: (string | number)[]): ChainableCommander;
  hdocSessionEnd(sessionKey: string, tokensKey: string, now: number): ChainableCommander;
}

export interface RedisSessionStoreOptions {
  /** Prepended to every key (no braces), e.g. `hdoc:`; tests use a random one each. */
  readonly keyPrefix: string;
  /**
   * How long the fingerprint pointers and per-subject indexes live: no session outlives its
   * maximum lifetime, so a pointer or index written now outlives every session it can lead to.
   */
  readonly maxLifetimeMs?: number;
}

/**
 * Sessions in Redis (ElastiCache in production), cluster-safe:
 * - `{s:<id>}`: hash of the session (subject, latest fingerprint, createdAt, expiresAt in ms);
 * - `{s:<id>}:tokens`: hash of every fingerprint the session issued -> first use (ms), '' unused;
 * - `{f:<fingerprint>}`: the id of the session that issued it (a pointer, never the truth);
 * - `{u:<subject>}`: set of the subject's session ids, for log-out-everywhere.
 * Rotation runs as one Lua script on the session's slot. Pointers and the subject index live in
 * other slots, so they are written BEFORE the session data they lead to and only ever trusted after
 * checking the session's own keys: a dangling pointer or index entry (a refused rotation, a revoked
 * session, a crash in between) leads to a session that does not list it, which reads as absent.
 * On one node those ordered steps still go in one round trip (`create` one MULTI, `rotate` and
 * `revokeAllOf` one pipeline); on a cluster each slot's step is its own call, in the same order.
 * Liveness is judged by the Clock against the stored expiresAt; the Redis TTL (set from the same
 * Clock) is the safety net that frees memory.
 */
export class RedisSessionStore implements SessionStore {
  private readonly keys: RedisKeys;
  private readonly maxLifetimeMs: number;

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly clock: Clock,
    options: RedisSessionStoreOptions,
  ) {
    this.keys = new RedisKeys(options.keyPrefix);
    this.maxLifetimeMs = options.maxLifetimeMs ?? DEFAULT_SESSION_POLICY.maxLifetimeSeconds * 1000;
    redis.defineCommand('hdocSessionRotate', { numberOfKeys: 2, lua: ROTATE_SCRIPT });
    redis.defineCommand('hdocSessionEnd', { numberOfKeys: 2, lua: END_SCRIPT });
  }

  async create(session: Session): Promise<void> {
    const subjectKey = this.subjectKey(session.subject);
    const [sessionKey, tokensKey] = this.sessionKeys(session.id);
    const ttl = ttlMs(session.expiresAt, this.clock.now());
    await this.inOrder('multi', [
      [
        (steps) => steps.set(this.pointerKey(session.refreshFingerprint), session.id, 'PX', this.maxLifetimeMs),
        (steps) => steps.sadd(subjectKey, session.id).pexpire(subjectKey, this.maxLifetimeMs),
      ],
      [
        (steps) =>
          steps
            .del(sessionKey, tokensKey)
            .hset(sessionKey, {
              subject: session.subject,
              latest: session.refreshFingerprint,
              createdAt: session.createdAt.getTime(),
              expiresAt: session.expiresAt.getTime(),
            })
            .hset(tokensKey, session.refreshFingerprint, '')
            .pexpire(sessionKey, ttl)
            .pexpire(tokensKey, ttl),
      ],
    ]);
  }

  async get(sessionId: string): Promise<Session | null> {
    const [sessionKey] = this.sessionKeys(sessionId);
    return this.liveSession(sessionId, await this.redis.hgetall(sessionKey));
  }

  async findByRefreshFingerprint(fingerprint: string): Promise<RefreshTokenMatch | null> {
    const sessionId = await this.redis.get(this.pointerKey(fingerprint));
    if (sessionId === null) return null;
    const [sessionKey, tokensKey] = this.sessionKeys(sessionId);
    const [fields, usedAt] = (await execAll(this.redis.multi().hgetall(sessionKey).hget(tokensKey, fingerprint))) as [
      Record<string, string>,
      string | null,
    ];
    const session = this.liveSession(sessionId, fields);
    if (session === null || usedAt === null) return null;
    return { session, usedAt: usedAt === '' ? null : new Date(Number(usedAt)) };
  }

  async rotate(rotation: RefreshRotation): Promise<RotationOutcome> {
    const pointer = this.pointerKey(rotation.nextFingerprint);
    const now = this.clock.now();
    const replies = await this.inOrder('pipeline', [
      [(steps) => steps.set(pointer, rotation.sessionId, 'PX', this.maxLifetimeMs)],
      [
        (steps) =>
          (steps as unknown as SessionScripts).hdocSessionRotate(
            ...this.sessionKeys(rotation.sessionId),
            rotation.presentedFingerprint,
            rotation.nextFingerprint,
            rotation.expiresAt.getTime(),
            rotation.at.getTime(),
            rotation.reuseGraceMs,
            now.getTime(),
            ttlMs(rotation.expiresAt, now),
          ),
      ],
    ]);
    const outcome = replies.at(-1) as RotationOutcome;
    if (outcome === 'refused') await this.redis.del(pointer);
    return outcome;
  }

  async revoke(sessionId: string): Promise<void> {
    const [sessionKey, tokensKey] = this.sessionKeys(sessionId);
    const [subject] = await execAll(this.redis.multi().hget(sessionKey, 'subject').del(sessionKey, tokensKey));
    if (typeof subject === 'string') await this.redis.srem(this.subjectKey(subject), sessionId);
  }

  /**
   * One single-slot script per session (a script may not span slots on a cluster). It stays correct
   * without one atomic step: every session whose `create` finished is already in the index (it is
   * added first), so each is ended; a session created meanwhile is simply ordered after this call.
   * Only the ids read are removed from the index, so such a newcomer keeps its entry.
   */
  async revokeAllOf(subject: string): Promise<number> {
    const subjectKey = this.subjectKey(subject);
    const ids = await this.redis.smembers(subjectKey);
    if (ids.length === 0) return 0;
    const now = this.clock.now().getTime();
    const replies = await this.inOrder('pipeline', [
      ids.map((id) => (steps) => (steps as unknown as SessionScripts).hdocSessionEnd(...this.sessionKeys(id), now)),
      [(steps) => steps.srem(subjectKey, ...ids)],
    ]);
    return replies.slice(0, ids.length).reduce<number>((ended, live) => ended + Number(live), 0);
  }

  /**
   * Runs stages of single-slot writes, each stage after the one before, and answers every reply in
   * order. On one node all of them go in one batch (one round trip); on a cluster, where a batch may
   * not span slots, each stage's writes go as side-by-side batches, then the next stage. A batch is
   * a MULTI (all or nothing) or a plain pipeline, which a script needs: ioredis reloads a script
   * Redis lost (NOSCRIPT) for a command outside a transaction only.
   */
  private async inOrder(batch: 'multi' | 'pipeline', stages: readonly (readonly SlotWrites[])[]): Promise<unknown[]> {
    const open = () => (batch === 'multi' ? this.redis.multi() : this.redis.pipeline());
    if (!this.redis.isCluster) return execAll(stages.flat().reduce((steps, writes) => writes(steps), open()));
    const replies: unknown[] = [];
    for (const stage of stages) {
      for (const stageReplies of await Promise.all(stage.map((writes) => execAll(writes(open()))))) replies.push(...stageReplies);
    }
    return replies;
  }

  private liveSession(id: string, fields: Record<string, string>): Session | null {
    const { subject, latest, createdAt, expiresAt } = fields;
    if (subject === undefined || latest === undefined || createdAt === undefined || expiresAt === undefined) return null;
    if (Number(expiresAt) <= this.clock.now().getTime()) return null;
    return {
      id,
      subject,
      refreshFingerprint: latest,
      createdAt: new Date(Number(createdAt)),
      expiresAt: new Date(Number(expiresAt)),
    };
  }

  private sessionKeys(sessionId: string): [string, string] {
    return [this.keys.tagged('s', sessionId), this.keys.tagged('s', sessionId, ':tokens')];
  }

  private pointerKey(fingerprint: string): string {
    return this.keys.tagged('f', fingerprint);
  }

  private subjectKey(subject: string): string {
    return this.keys.tagged('u', subject);
  }
}

/** Runs a batch and answers its replies, throwing the first command's error (exec only lists them). */
async function execAll(transaction: ChainableCommander): Promise<unknown[]> {
  const results = await transaction.exec();
  if (results === null) throw new Error('a Redis transaction was aborted');
  return results.map(([error, value]) => {
    if (error) throw error;
    return value;
  });
}
