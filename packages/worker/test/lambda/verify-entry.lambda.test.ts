import { MemoryVerificationQueueToken, ManualClock } from '@hdoc/adapters-memory';
import {
  GetProfile,
  RegisterProfile,
  SubmitEntry,
  type EntryVerification,
  type EntryVerificationRequest,
  type EntryVerifier,
  VerifierRateLimitedError,
} from '@hdoc/domain';
import { describe, expect, it } from 'vitest';
import { VERIFY_ENTRY } from '../../src/entrypoints/index.js';
import { createWorkerLambda } from '../../src/lambda/worker-lambda.js';
import { captureLogs } from '../support/log-capture.js';
import { lambdaContext, sqsEvent } from '../support/sqs-events.js';

/** Answers a fixed confidence per url; any other url fails like an unreachable GitHub, or a rate-limited one while `rateLimitedFor` is set. */
class ScriptedVerifier implements EntryVerifier {
  readonly asked: string[] = [];
  rateLimitedFor: number | null = null;
  constructor(private readonly confidences: Readonly<Record<string, number>>) {}

  async verify({ entry }: EntryVerificationRequest): Promise<EntryVerification> {
    this.asked.push(entry.url);
    if (this.rateLimitedFor !== null) throw new VerifierRateLimitedError('GitHub', this.rateLimitedFor);
    const confidence = this.confidences[entry.url];
    if (confidence === undefined) throw new Error('GitHub API unreachable');
    return { confidence, reason: 'scripted' };
  }
}

const ALICE_URL = 'https://github.com/alice/cloud/commit/1';
const BOB_URL = 'https://github.com/bob/cloud/commit/1';

async function setUp() {
  const logs = captureLogs();
  const verifier = new ScriptedVerifier({ [ALICE_URL]: 80 });
  // The test registers participants and submits entries through the API's use cases, in the same memory adapters.
  const entrypoint = { ...VERIFY_ENTRY, useCases: [...VERIFY_ENTRY.useCases, RegisterProfile, SubmitEntry, GetProfile] };
  const lambda = await createWorkerLambda(entrypoint, {
    environment: { ADAPTERS: 'memory', LOG_LEVEL: 'debug' },
    destination: logs.destination,
    overrides: { clock: new ManualClock('2026-03-10T09:00:00Z'), entryVerifier: verifier },
  });
  const { resolve } = lambda;
  const submit = async (login: string, url: string) => {
    await resolve(RegisterProfile).execute({ githubUsername: login });
    await resolve(SubmitEntry).execute({ actor: { subject: `github:${login}`, sessionId: 's-1' }, day: 1, entryType: 'github', url });
  };
  await submit('alice', ALICE_URL);
  await submit('bob', BOB_URL);
  // The messages exactly as the API enqueued them.
  const bodies = resolve(MemoryVerificationQueueToken).pending().map((job) => JSON.stringify(job));
  const profile = async (login: string) => (await resolve(GetProfile).execute({ githubUsername: login })).profile;
  return { ...lambda, logs, verifier, bodies, profile, submit };
}

describe('the verify-entry Lambda', () => {
  it('reports exactly the malformed message and the one whose verifier failed; the good job is recorded', async () => {
    const { handler, bodies, profile, logs } = await setUp();
    const [alice, bob] = bodies;
    expect(JSON.parse(alice!)).toEqual({ githubUsername: 'alice', day: 1, entryType: 'github', url: ALICE_URL });

    const response = await handler(sqsEvent([alice!, '{"githubUsername":"carol","day":"secret-day"}', bob!]), lambdaContext);

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }, { itemIdentifier: 'm-3' }] });
    expect(await profile('alice')).toMatchObject({ daysCompleted: 1, githubScore: 80, githubEntryCount: 1 });
    expect(await profile('bob')).toMatchObject({ daysCompleted: 0, githubScore: 0, githubEntryCount: 1 });
    expect(logs.text()).not.toContain('secret-day');
    const failed = logs.lines().filter((line) => line.msg === 'message failed' || line.msg === 'malformed message');
    expect(failed.map((line) => [line.msg, line.message_id])).toEqual(
      expect.arrayContaining([
        ['malformed message', 'm-2'],
        ['message failed', 'm-3'],
      ]),
    );
  });

  it('applies a redelivered job once: the score does not grow', async () => {
    const { handler, bodies, profile } = await setUp();
    for (let delivery = 1; delivery <= 3; delivery += 1) {
      expect(await handler(sqsEvent([bodies[0]!]), lambdaContext)).toEqual({ batchItemFailures: [] });
    }
    expect(await profile('alice')).toMatchObject({ daysCompleted: 1, githubScore: 80 });
  });

  it('drops a stale job (the url was replaced since) without asking the verifier', async () => {
    const { handler, bodies, profile, verifier, submit } = await setUp();
    await submit('alice', 'https://github.com/alice/cloud/commit/2');
    expect(await handler(sqsEvent([bodies[0]!]), lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(verifier.asked).toEqual([]);
    expect(await profile('alice')).toMatchObject({ daysCompleted: 0, githubScore: 0 });
  });

  it('succeeds without effect for a participant that does not exist', async () => {
    const { handler, verifier } = await setUp();
    const job = { githubUsername: 'nobody', day: 1, entryType: 'github', url: 'https://github.com/nobody/x' };
    expect(await handler(sqsEvent([JSON.stringify(job)]), lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(verifier.asked).toEqual([]);
  });

  it('lets a rate-limited job succeed (deleted) after sending it again with a delay; the next delivery records it', async () => {
    const { handler, bodies, profile, verifier, resolve, logs } = await setUp();
    verifier.rateLimitedFor = 1800;
    const queue = resolve(MemoryVerificationQueueToken);
    const before = queue.pending().length;

    expect(await handler(sqsEvent([bodies[0]!]), lambdaContext)).toEqual({ batchItemFailures: [] });

    expect(queue.delayed()).toEqual([JSON.parse(bodies[0]!)]);
    expect(queue.pending()).toHaveLength(before);
    expect(await profile('alice')).toMatchObject({ daysCompleted: 0 });
    expect(logs.lines().find((line) => line.msg === 'entry verification deferred (verifier rate limited)')).toMatchObject({ deferred_seconds: 900 });
    verifier.rateLimitedFor = null;
    expect(await handler(sqsEvent([bodies[0]!]), lambdaContext)).toEqual({ batchItemFailures: [] });
    expect(await profile('alice')).toMatchObject({ daysCompleted: 1, githubScore: 80 });
  });
});
