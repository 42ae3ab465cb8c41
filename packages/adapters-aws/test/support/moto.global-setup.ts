import type { TestProject } from 'vitest/node';
import { startMotoServer } from './moto.js';

/**
 * One moto_server for the whole adapters-aws test run, shared by every file through `inject('motoEndpoint')`;
 * tests isolate themselves by name (their own parameter path, secret names, buckets, queues).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const moto = await startMotoServer();
  project.provide('motoEndpoint', moto.endpoint);
  return () => moto.stop();
}
