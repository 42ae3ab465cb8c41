import { describe, expect, it } from 'vitest';
import { readTemplate, type TemplateResource } from './support/template.js';

const ofType = (resources: Record<string, TemplateResource>, type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

describe('deploy/template.yaml operations', () => {
  it('gives every queue a dead-letter queue that is itself alarmed, and redrives after a few receives', async () => {
    const { Resources } = await readTemplate();
    const queues = ofType(Resources, 'AWS::SQS::Queue');
    const deadLetterIds = new Set(
      queues.flatMap(([, queue]) => {
        const redrive = queue.Properties.RedrivePolicy as { deadLetterTargetArn?: { 'Fn::GetAtt'?: string[] }; maxReceiveCount?: number } | undefined;
        return redrive?.deadLetterTargetArn?.['Fn::GetAtt']?.[0] ?? [];
      }),
    );
    const sources = queues.filter(([id]) => !deadLetterIds.has(id));
    expect(sources.length).toBeGreaterThan(0);
    for (const [id, queue] of sources) {
      const redrive = queue.Properties.RedrivePolicy as { deadLetterTargetArn?: unknown; maxReceiveCount?: number } | undefined;
      expect(redrive?.deadLetterTargetArn, `${id} has a dead-letter queue`).toBeDefined();
      expect(redrive?.maxReceiveCount, id).toBeGreaterThanOrEqual(3);
    }
    const alarmedQueues = ofType(Resources, 'AWS::CloudWatch::Alarm').flatMap(([, alarm]) =>
      ((alarm.Properties.Dimensions as { Name: string; Value: { 'Fn::GetAtt'?: string[] } }[] | undefined) ?? [])
        .filter((dimension) => dimension.Name === 'QueueName')
        .map((dimension) => dimension.Value['Fn::GetAtt']?.[0]),
    );
    expect([...deadLetterIds].sort()).toEqual([...new Set(alarmedQueues)].sort());
  });

  it('alarms on every function\'s errors and the API\'s 5xx, each notifying the alert topic', async () => {
    const { Resources } = await readTemplate();
    const alarms = ofType(Resources, 'AWS::CloudWatch::Alarm');
    for (const [id, alarm] of alarms) expect(alarm.Properties.AlarmActions, id).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(Resources.AlarmTopic?.Type).toBe('AWS::SNS::Topic');
    const errorAlarmsOf = alarms
      .filter(([, alarm]) => alarm.Properties.Namespace === 'AWS/Lambda' && alarm.Properties.MetricName === 'Errors')
      .map(([, alarm]) => (alarm.Properties.Dimensions as { Value: { Ref: string } }[])[0]!.Value.Ref);
    expect(errorAlarmsOf.sort()).toEqual(ofType(Resources, 'AWS::Serverless::Function').map(([id]) => id).sort());
    expect(alarms.some(([, alarm]) => alarm.Properties.Namespace === 'AWS/ApiGateway' && alarm.Properties.MetricName === '5xx')).toBe(true);
  });
});
