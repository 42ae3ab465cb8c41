import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  describeOAuthStateStoreContract,
  describeRateLimiterContract,
  describeSessionStoreContract,
  describeSignInCodeStoreContract,
} from '@hdoc/contract-tests';
import { Cluster, type Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import {
  connectRedis,
  RedisOAuthStateStore,
  RedisRateLimiter,
  RedisSessionStore,
  RedisSignInCodeStore,
} from '../../src/index.js';
import { PrivateRedisServer } from './private-redis-server.js';
import { isolatedPrefix, TestClock } from './redis-test-support.js';

/*
 * The same contract suites on a one-node Redis Cluster of the test's own. A cluster node refuses
 * (CROSSSLOT) any script or transaction whose keys hash to different slots, even on one node, so
 * this proves the stores' hash tags keep every multi-key step inside one slot.
 */
let server: PrivateRedisServer;
let directory: string;
let node: Redis;
let cluster: Cluster;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'hdoc-redis-cluster-'));
  server = await PrivateRedisServer.start([
    '--cluster-enabled', 'yes',
    '--cluster-config-file', join(directory, 'nodes.conf'),
    '--dir', directory,
    '--cluster-announce-ip', '127.0.0.1',
  ]);
  node = await connectRedis({ url: server.url });
  await node.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
  // A node takes a second or two to call its cluster ok after it owns every slot.
  for (let waited = 0; !String(await node.call('CLUSTER', 'INFO')).includes('cluster_state:ok'); waited += 50) {
    if (waited > 10_000) throw new Error('the private Redis Cluster node did not reach cluster_state:ok');
    await sleep(50);
  }
  cluster = new Cluster([{ host: '127.0.0.1', port: server.port }]);
  await new Promise<void>((resolve, reject) => {
    cluster.once('ready', () => resolve());
    cluster.once('error', reject);
  });
});

afterAll(async () => {
  cluster?.disconnect();
  node?.disconnect();
  await server?.stop();
  await rm(directory, { recursive: true, force: true });
});

function subject() {
  return { clock: new TestClock(), ...isolatedPrefix(node) };
}

describeSessionStoreContract('RedisSessionStore on a cluster', async () => {
  const { clock, keyPrefix, cleanup } = subject();
  return { store: new RedisSessionStore(cluster, clock, { keyPrefix }), clock, cleanup };
});

describeRateLimiterContract('RedisRateLimiter on a cluster', async () => {
  const { clock, keyPrefix, cleanup } = subject();
  return { limiter: new RedisRateLimiter(cluster, clock, { keyPrefix }), clock, cleanup };
});

describeOAuthStateStoreContract('RedisOAuthStateStore on a cluster', async () => {
  const { clock, keyPrefix, cleanup } = subject();
  return { store: new RedisOAuthStateStore(cluster, clock, { keyPrefix }), clock, cleanup };
});

describeSignInCodeStoreContract('RedisSignInCodeStore on a cluster', async () => {
  const { clock, keyPrefix, cleanup } = subject();
  return { store: new RedisSignInCodeStore(cluster, clock, { keyPrefix }), clock, cleanup };
});
