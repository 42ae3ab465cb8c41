/**
 * The Lua scripts of {@link RedisLeaderboard}. Every key is under the `{lb}` hash tag (one slot), so
 * each script is atomic on a cluster too.
 *
 * KEYS: standings hash (key -> standing JSON holding its `member` and `statusIndex`), the order
 * (a sorted set whose scores are all 0, so it is ordered by member bytes), then per status its own
 * order (active, inactive, completed). A member is `<5 digits: MAX_TOTAL - total><3 digits:
 * MAX_DAYS - days>:<key>`, so byte order is leaderboard order, and the participants with a strictly
 * higher total are the members before the 5-digit prefix of a total: ZLEXCOUNT gives a competition
 * rank in O(log n).
 */

/** Participants ranked above each row: one ZLEXCOUNT per distinct total in a list of members. */
const ROWS = `
local function rows(standings, order, members)
  local out = {}
  local aboveByPrefix = {}
  for _, member in ipairs(members) do
    local prefix = string.sub(member, 1, 5)
    local above = aboveByPrefix[prefix]
    if not above then
      above = redis.call('ZLEXCOUNT', order, '-', '(' .. prefix)
      aboveByPrefix[prefix] = above
    end
    out[#out + 1] = redis.call('HGET', standings, string.sub(member, 10))
    out[#out + 1] = above
  end
  return out
end
`;

/**
 * ARGV: key, member, status index (1..3), version, standing JSON. Replaces the participant's member
 * in the order and its status order unless the stored version is higher. Returns 1 if written.
 */
export const UPSERT_SCRIPT = `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if old then
  local stored = cjson.decode(old)
  if tonumber(stored.version) > tonumber(ARGV[4]) then return 0 end
  redis.call('ZREM', KEYS[2], stored.member)
  redis.call('ZREM', KEYS[2 + stored.statusIndex], stored.member)
end
redis.call('ZADD', KEYS[2], 0, ARGV[2])
redis.call('ZADD', KEYS[2 + tonumber(ARGV[3])], 0, ARGV[2])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[5])
return 1
`;

/** ARGV: key. Takes the participant off the board; an unknown one is nothing to do. */
export const REMOVE_SCRIPT = `
local old = redis.call('HGET', KEYS[1], ARGV[1])
if not old then return 0 end
local stored = cjson.decode(old)
redis.call('ZREM', KEYS[2], stored.member)
redis.call('ZREM', KEYS[2 + stored.statusIndex], stored.member)
redis.call('HDEL', KEYS[1], ARGV[1])
return 1
`;

/**
 * KEYS: standings, the full order, the order to read (the full one or a status's). ARGV: the lex
 * start (\`-\` or \`(<member after which to continue>\`), how many. Returns standing JSON and the count
 * ranked above it, pair after pair.
 */
export const PAGE_SCRIPT = `${ROWS}
local members = redis.call('ZRANGEBYLEX', KEYS[3], ARGV[1], '+', 'LIMIT', 0, tonumber(ARGV[2]))
return rows(KEYS[1], KEYS[2], members)
`;

/**
 * KEYS: standings, the full order. ARGV: key, neighbours. Returns nil for an unknown participant, else
 * the participant's index in the returned rows, then standing JSON and the count above, pair after pair.
 */
export const POSITION_SCRIPT = `${ROWS}
local stored = redis.call('HGET', KEYS[1], ARGV[1])
if not stored then return nil end
local member = cjson.decode(stored).member
local at = redis.call('ZRANK', KEYS[2], member)
local from = math.max(0, at - tonumber(ARGV[2]))
local members = redis.call('ZRANGE', KEYS[2], from, at + tonumber(ARGV[2]))
local out = rows(KEYS[1], KEYS[2], members)
table.insert(out, 1, at - from)
return out
`;
