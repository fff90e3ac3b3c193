import { CfnParameter, CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { INGEST_METRICS, METRICS_NAMESPACE } from '../lambdas/telemetry';

export interface MonitoringProps {
  ingestFn: IFunction;
  /** The audit's registry function (S3 uploads under registry/, async). */
  auditFn: IFunction;
  /** The audit's state machine: a run that fails, times out or is aborted is alarmed. */
  auditMachine: StateMachine;
  /** The audit state machine's step functions by step (the run-stopped recorder among them). */
  auditSteps: Record<string, IFunction>;
  /** The dead-letter queue of the audit's EventBridge targets (the schedule's start, the stopped-run record). */
  auditEventFailures: Queue;
  /** The function that reads scans (OCR). */
  ocrFn: IFunction;
  apiFn: IFunction;
  redecideFn: IFunction;
  reconcileFn: IFunction;
  httpApi: HttpApi;
  /** The ingest construct's alarm on its dead-letter queue (it gets the topic as its action). */
  deadLetterAlarm: Alarm;
  /** Alarms other constructs raise (the reconciler's uploads-not-final alarm, dead-letter queues): they get the topic as their action too. */
  alarms?: Alarm[];
  /** Where alarms are mailed; default: a stack parameter `AlarmEmail`. */
  alarmEmail?: string;
}

const PERIOD = Duration.minutes(5);

/**
 * Somebody hears about failures: one SNS topic (KMS-encrypted, TLS only) mailed to the
 * `AlarmEmail` address, and an alarm with that action on each way the system fails: errors and
 * throttles of every project function (the audit's steps among them), errors of CDK's deploy-time
 * helpers, reports that end `failed`, audit runs that fail, time out or are aborted, the dead-letter
 * and failure queues (the registry function's on-failure destination and the audit's undelivered
 * events among them), the reconciler's uploads-not-final alarm, and API 5xx.
 */
export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly auditFailures: Queue;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const email =
      props.alarmEmail ??
      new CfnParameter(scope, 'AlarmEmail', {
        type: 'String',
        description: 'Email address that receives the alarms (confirm the subscription mail SNS sends)',
        allowedPattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
        constraintDescription: 'an email address',
      }).valueAsString;

    // CloudWatch can publish to an encrypted topic only with a customer key that lets it.
    const key = new Key(this, 'TopicKey', { enableKeyRotation: true, description: 'ogi-audit alarm topic' });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Alarms', { displayName: 'ogi-audit alarms', masterKey: key, enforceSSL: true });
    this.topic.addSubscription(new EmailSubscription(email));

    // Registry uploads are async (S3): after Lambda's two retries the event lands here instead of vanishing.
    this.auditFailures = new Queue(this, 'AuditFailures', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    props.auditFn.configureAsyncInvoke({ onFailure: new SqsDestination(this.auditFailures), retryAttempts: 2 });
    Validations.of(this.auditFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the registry function; its events are inspected and re-run by hand.',
    });

    const business = (name: string) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: 'ogi-ingest' }, statistic: 'Sum', period: PERIOD });
    this.alarm('ReportsFailed', 'A report ended `failed`: an unexpected error while parsing or storing it.', business(INGEST_METRICS.failed));
    this.notify(props.deadLetterAlarm);
    for (const alarm of props.alarms ?? []) this.notify(alarm);
    const machine = props.auditMachine;
    this.alarm(
      'AuditRunsFailed',
      'An audit run failed: a step threw after its retries (see the Audit runs view; redrive the execution).',
      machine.metricFailed({ period: PERIOD }),
    );
    this.alarm('AuditRunsTimedOut', 'An audit run took longer than its hour and was stopped.', machine.metricTimedOut({ period: PERIOD }));
    this.alarm('AuditRunsAborted', 'An audit run was aborted.', machine.metricAborted({ period: PERIOD }));
    this.alarm(
      'AuditFailuresQueued',
      'A registry import failed after its retries; the event is in the audit failure queue.',
      this.auditFailures.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
    );
    this.alarm(
      'AuditEventsUndelivered',
      'The schedule could not start an audit run, or a stopped run could not be recorded, after EventBridge’s retries; the event is in the audit event queue.',
      props.auditEventFailures.metricApproximateNumberOfMessagesVisible({ period: PERIOD, statistic: 'Maximum' }),
    );
    this.alarm('Api5xx', 'The query API answered 5xx (a handler error or an integration failure).', props.httpApi.metricServerError({ period: PERIOD }));
    const functions: (readonly [string, IFunction, string])[] = [
      ['Ingest', props.ingestFn, 'The ingest function threw (an upload will be retried, then dead-lettered).'],
      ['Audit', props.auditFn, 'A registry import threw (a bad registry/agencies.csv: its line is in the log).'],
      ...Object.entries(props.auditSteps).map(
        ([step, fn]) => [`Audit${step}`, fn, `The audit step ${step} threw (the state machine retries it, then fails the run).`] as const,
      ),
      ['Ocr', props.ocrFn, 'The OCR function threw (the scan will be retried, then dead-lettered).'],
      ['Api', props.apiFn, 'The API function threw outside its own error handling.'],
      ['Redecide', props.redecideFn, 'Applying an officer’s value review threw (it is retried, then queued).'],
      ['Reconcile', props.reconcileFn, 'A reconcile run threw: uploads without a final status are not being re-driven.'],
    ];
    for (const [name, fn, onError] of functions) {
      this.alarm(`${name}Errors`, onError, fn.metricErrors({ period: PERIOD }));
      this.alarm(
        `${name}Throttles`,
        `The ${name.toLowerCase()} function was throttled (reserved concurrency or the account limit).`,
        fn.metricThrottles({ period: PERIOD }),
      );
    }
    // CDK's deploy-time helpers (bucket notifications, the page's deployment), created by the
    // constructs before this one: a failure there also fails the deployment, but is mailed too.
    const own = new Set(functions.map(([, fn]) => fn.node.defaultChild));
    const helpers = Stack.of(this)
      .node.findAll()
      .filter((c): c is CfnResource => c instanceof CfnResource && c.cfnResourceType === 'AWS::Lambda::Function' && !own.has(c));
    helpers.forEach((fn, i) =>
      this.alarm(
        `HelperErrors${i}`,
        `A deploy-time helper function of CDK (${fn.node.path}) threw.`,
        new Metric({ namespace: 'AWS/Lambda', metricName: 'Errors', dimensionsMap: { FunctionName: fn.ref }, statistic: 'Sum', period: PERIOD }),
      ),
    );
  }

  /** An alarm on the first occurrence in 5 minutes, mailed through the topic; no data is no problem. */
  private alarm(id: string, description: string, metric: IMetric): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    this.notify(alarm);
  }

  /** Mails the alarm's state changes: when it fires and when it is over. */
  private notify(alarm: Alarm): void {
    alarm.addAlarmAction(new SnsAction(this.topic));
    alarm.addOkAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
