/**
 * The Lua scripts of {@link RedisSessionStore}. Each touches only the two keys of one session
 * (`{s:<id>}` and `{s:<id>}:tokens`, one slot), and takes the time as an argument: the domain's
 * Clock decides what is live, never Redis TIME, so a manual clock drives them in tests.
 */

/**
 * Rotation, the reuse grace and reuse detection in one atomic step.
 * KEYS: session hash, tokens hash (fingerprint -> first use in epoch ms, '' while unused).
 * ARGV: presented, next, expiresAt (ms), at (ms), graceMs, now (ms), ttlMs.
 * 1. The session must exist and be live at `now` (its stored expiresAt > now), else `refused`.
 * 2. The presented fingerprint must be one the session issued, else `refused`.
 * 3. Unused: stamp it used at `at` -> `rotated`. Used less than graceMs before `at` -> `reissued`
 *    (its first use stays, so the window never extends). Otherwise `refused`, nothing changed.
 * 4. Issue `next` unused, make it the latest, move expiresAt and the keys' TTL.
 */
export const ROTATE_SCRIPT = `
local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
if not expiresAt or tonumber(expiresAt) <= tonumber(ARGV[6]) then return 'refused' end
local usedAt = redis.call('HGET', KEYS[2], ARGV[1])
if not usedAt then return 'refused' end
local outcome = 'reissued'
if usedAt == '' then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
  outcome = 'rotated'
elseif tonumber(ARGV[4]) - tonumber(usedAt) >= tonumber(ARGV[5]) then
  return 'refused'
end
redis.call('HSET', KEYS[2], ARGV[2], '')
redis.call('HSET', KEYS[1], 'latest', ARGV[2], 'expiresAt', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[7])
return outcome
`;

/**
 * Ends one session for log-out-everywhere and says whether it was live.
 * KEYS: session hash, tokens hash. ARGV: now (ms).
 * Returns 1 when the session existed and was live at `now`, else 0; deletes both keys either way.
 */
export const END_SCRIPT = `
local expiresAt = redis.call('HGET', KEYS[1], 'expiresAt')
redis.call('DEL', KEYS[1], KEYS[2])
if expiresAt and tonumber(expiresAt) > tonumber(ARGV[1]) then return 1 end
return 0
`;
