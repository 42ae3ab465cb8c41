import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFunction } from '../lambda/bundle.js';
import { BUILD_DIR, LAMBDA_FUNCTIONS } from '../lambda/functions.js';
import { DEPLOY_DIR, readTemplate } from './support/template.js';

const ROOT = join(DEPLOY_DIR, '..');

describe('deploy/template.yaml functions', () => {
  it('each run one bundle of `npm run build:lambda` (CodeUri .build/<name>/, Handler index.handler), every bundle deployed once', async () => {
    const template = await readTemplate();
    const functions = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::Serverless::Function');
    const deployed = functions.map(([logicalId, { Properties }]) => {
      expect(Properties.Handler, logicalId).toBe('index.handler');
      const codeUri = String(Properties.CodeUri);
      expect(codeUri, logicalId).toMatch(/^\.build\/[a-z-]+\/$/);
      return codeUri.slice('.build/'.length, -1);
    });
    expect(BUILD_DIR).toBe('deploy/.build');
    expect([...deployed].sort()).toEqual(LAMBDA_FUNCTIONS.map((fn) => fn.name).sort());
  });

  it('every bundle builds and its entry exports `handler`', { timeout: 120_000 }, async () => {
    const out = await mkdtemp(join(tmpdir(), 'hdoc-bundles-'));
    try {
      for (const fn of LAMBDA_FUNCTIONS) {
        const bundle = await bundleFunction(ROOT, fn, out);
        expect(bundle.exports, fn.name).toContain('handler');
        expect(bundle.bytes, fn.name).toBeGreaterThan(0);
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('the sweep runs on a schedule, and every queue consumer reports partial batch failures', async () => {
    const template = await readTemplate();
    const events = (logicalId: string) => Object.values((template.Resources[logicalId]?.Properties.Events ?? {}) as Record<string, { Type: string; Properties: Record<string, unknown> }>);
    expect(events('SweepTimeTransitionsFunction').map((event) => event.Type)).toEqual(['ScheduleV2']);
    for (const consumer of ['VerifyEntryFunction', 'IngestStorageEventFunction']) {
      const sqs = events(consumer).filter((event) => event.Type === 'SQS');
      expect(sqs, consumer).toHaveLength(1);
      expect(sqs[0]!.Properties.FunctionResponseTypes, consumer).toEqual(['ReportBatchItemFailures']);
    }
  });
});
