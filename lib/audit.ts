import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventType, type Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { DefinitionBody, DistributedMap, JsonPath, LogLevel, StateMachine, StateMachineType, TaskInput, Timeout } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import path from 'node:path';
import { REGISTRY_PREFIX } from '../lambdas/audit/registry';
import { AUDITS_PREFIX } from '../lambdas/audit/report-files';
import { AUDIT_STATES, SHARD_CONCURRENCY } from '../lambdas/audit/states';
import { schema } from '../lambdas/store/keys';
import { acknowledgeFunction, projectFunction } from './lambda-defaults';
import { logicalId } from './nag';

export interface AuditProps {
  bucket: Bucket;
  table: TableV2;
  /**
   * When the audit runs; each run audits the year before the run's date.
   * @default daily at 02:00 UTC from February to April, the season of the reports' deadlines
   */
  schedule?: Schedule;
}

export const DEFAULT_AUDIT_SCHEDULE = Schedule.cron({ minute: '0', hour: '2', month: '2-4' });

/** Partition keys of the audit's own items (runs, findings, lock) and of the registry: IAM dynamodb:LeadingKeys. */
const AUDIT_PARTITIONS = ['AUDIT#*'];
const REGISTRY_PARTITIONS = ['REGISTRY'];
/** A map child's partial result, and a run's report files (lambdas/audit/summary-file.ts, report-files.ts). */
const SUMMARY_FILES = `${AUDITS_PREFIX}*/summaries/*`;
const REPORT_FILES = `${AUDITS_PREFIX}*/audit.*`;
const RUN_JSON = `${AUDITS_PREFIX}*/audit.json`;

/**
 * The cross-agency audit as a state machine (Step Functions, standard): `Begin run` (year, date,
 * registry, the run recorded), a distributed map `Read shards` over the 16 shards of the audited year
 * and of the year before (32 children at once, each reading its shard of the summary index and
 * writing one partial file), then `Audit`, the reduce (every rule; the report files), and `Store
 * findings` (the findings in batches, the run recorded). The schedule (EventBridge) starts it; any step that fails after its retries fails the
 * execution, which an alarm reports and `Run stopped` records on the run; a redrive resumes from the
 * failed step under the same run id. A separate function stores the registry uploaded under `registry/`.
 */
export class Audit extends Construct {
  /** Stores the registry uploaded under registry/ (S3 notification, async). */
  readonly fn: NodejsFunction;
  readonly beginFn: NodejsFunction;
  readonly shardFn: NodejsFunction;
  readonly reduceFn: NodejsFunction;
  readonly storeFn: NodejsFunction;
  /** Records a run that failed, timed out or was aborted (the execution status rule's target). */
  readonly statusFn: NodejsFunction;
  readonly stateMachine: StateMachine;
  /** The schedule that starts the state machine. */
  readonly rule: Rule;
  readonly stoppedRule: Rule;
  /** Events EventBridge could not deliver after its retries (a run never started, a stopped run never recorded). */
  readonly eventFailures: Queue;

  constructor(scope: Construct, id: string, props: AuditProps) {
    super(scope, id);
    const { bucket, table } = props;
    const env = { OGI_TABLE: table.tableName, OGI_BUCKET: bucket.bucketName, POWERTOOLS_SERVICE_NAME: 'ogi-audit' };
    const step = (name: string, file: string, description: string, extra: { memorySize?: number; timeout?: Duration } = {}) =>
      projectFunction(this, name, {
        entry: path.join(__dirname, '..', 'lambdas', 'audit', file),
        handler: 'handler',
        description,
        environment: env,
        ...extra,
      });

    this.fn = step('Function', 'handler.ts', 'Stores the agency registry uploaded under registry/', { timeout: Duration.minutes(1) });
    this.beginFn = step('BeginFunction', 'begin-run.ts', 'Audit run, step 1: year and date, the registry, the run recorded as running', {
      timeout: Duration.minutes(1),
    });
    this.shardFn = step('ShardFunction', 'read-shard.ts', 'Audit run, map child: one shard of a year from the summary index to a partial file', {
      // 62,500 summaries of a country-wide shard (~100 MB as items) fit with room; more memory is more network too.
      memorySize: 1024,
      timeout: Duration.minutes(5),
    });
    this.reduceFn = step('ReduceFunction', 'reduce.ts', 'Audits a reporting year across agencies: the reduce over every shard, the report files', {
      // 2,000,000 summaries (two country-wide years) at ~1 KB of heap each, a 1,000,000-agency registry, and the rules' working sets.
      memorySize: 10_240,
      timeout: Duration.minutes(15),
    });
    this.storeFn = step('StoreFunction', 'store-findings.ts', 'Audit run, last step: the findings stored in batches, the run recorded', {
      // The run's JSON report (~1 KB a finding) parsed whole.
      memorySize: 3008,
      timeout: Duration.minutes(15),
    });
    this.statusFn = step('StatusFunction', 'run-status.ts', 'Records an audit run that failed, timed out or was aborted', { timeout: Duration.seconds(30) });

    const begin = new LambdaInvoke(this, AUDIT_STATES.begin, {
      lambdaFunction: this.beginFn,
      payloadResponseOnly: true,
      payload: TaskInput.fromObject({
        input: JsonPath.entirePayload,
        runId: JsonPath.stringAt('$$.Execution.Name'),
        startedAt: JsonPath.stringAt('$$.Execution.StartTime'),
      }),
      taskTimeout: Timeout.duration(Duration.minutes(1)),
    });
    const readShard = new LambdaInvoke(this, AUDIT_STATES.shard, {
      lambdaFunction: this.shardFn,
      payloadResponseOnly: true,
      taskTimeout: Timeout.duration(Duration.minutes(5)),
    });
    // Throttling or a busy table: a child tries twice more before failing the run.
    readShard.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(5), maxAttempts: 2, backoffRate: 2 });
    const shards = new DistributedMap(this, AUDIT_STATES.shards, {
      itemsPath: '$.shards',
      itemSelector: {
        runId: JsonPath.stringAt('$.runId'),
        auditYear: JsonPath.numberAt('$.year'),
        year: JsonPath.numberAt('$$.Map.Item.Value.year'),
        shard: JsonPath.numberAt('$$.Map.Item.Value.shard'),
      },
      maxConcurrency: SHARD_CONCURRENCY,
      // Any failed child fails the map run, and so the execution: nothing is audited on part of a year.
      toleratedFailurePercentage: 0,
      mapExecutionType: StateMachineType.STANDARD,
      resultPath: '$.parts',
      label: 'shards',
    });
    shards.itemProcessor(readShard);
    const reduce = new LambdaInvoke(this, AUDIT_STATES.reduce, {
      lambdaFunction: this.reduceFn,
      payloadResponseOnly: true,
      payload: TaskInput.fromObject({
        runId: JsonPath.stringAt('$.runId'),
        year: JsonPath.numberAt('$.year'),
        today: JsonPath.stringAt('$.today'),
        startedAt: JsonPath.stringAt('$.startedAt'),
        parts: JsonPath.listAt('$.parts'),
      }),
      taskTimeout: Timeout.duration(Duration.minutes(15)),
    });
    reduce.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(10), maxAttempts: 2, backoffRate: 2 });
    // The reduce's output is the run; this step stores its findings and records it.
    const store = new LambdaInvoke(this, AUDIT_STATES.store, {
      lambdaFunction: this.storeFn,
      payloadResponseOnly: true,
      taskTimeout: Timeout.duration(Duration.minutes(15)),
    });
    // Another run of the year holds its lock: wait for it (its lease ends within 20 minutes).
    store.addRetry({ errors: ['AuditInProgress'], interval: Duration.minutes(1), maxAttempts: 25, backoffRate: 1 });
    store.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(10), maxAttempts: 2, backoffRate: 2 });

    const logs = new LogGroup(this, 'RunLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: 'The cross-agency audit of one reporting year: map over the summary index shards, reduce with every rule',
      definitionBody: DefinitionBody.fromChainable(begin.next(shards).next(reduce).next(store)),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(1),
      tracingEnabled: true,
      logs: { destination: logs, level: LogLevel.ALL, includeExecutionData: false },
    });

    // A start or a status event EventBridge cannot deliver after its retries is kept here (and alarmed), not dropped.
    this.eventFailures = new Queue(this, 'EventFailures', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.eventFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the audit’s EventBridge targets; its events are inspected and re-sent by hand.',
    });
    const delivery = { retryAttempts: 2, maxEventAge: Duration.hours(2), deadLetterQueue: this.eventFailures };
    this.rule = new Rule(this, 'Schedule', {
      description: 'Starts the cross-agency audit of last year’s reports',
      schedule: props.schedule ?? DEFAULT_AUDIT_SCHEDULE,
      targets: [new SfnStateMachine(this.stateMachine, delivery)],
    });
    this.stoppedRule = new Rule(this, 'RunStopped', {
      description: 'Records an audit run whose execution failed, timed out or was aborted',
      eventPattern: {
        source: ['aws.states'],
        detailType: ['Step Functions Execution Status Change'],
        detail: { status: ['FAILED', 'TIMED_OUT', 'ABORTED'], stateMachineArn: [this.stateMachine.stateMachineArn] },
      },
      targets: [new LambdaFunction(this.statusFn, delivery)],
    });
    bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(this.fn), { prefix: REGISTRY_PREFIX });

    this.grantLeastPrivilege(bucket, table);
  }

  /**
   * Each function gets what its step does and nothing else: DynamoDB actions limited to the registry
   * or the audit's own partitions (dynamodb:LeadingKeys) or to the summary index, S3 actions to the
   * prefixes the step reads or writes. No function of the audit reads a record.
   */
  private grantLeastPrivilege(bucket: Bucket, table: TableV2): void {
    const items = (fn: NodejsFunction, actions: string[], partitions: string[]) =>
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: actions.map((a) => `dynamodb:${a}`),
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': partitions } },
        }),
      );
    const objects = (fn: NodejsFunction, actions: string[], ...patterns: string[]) =>
      fn.addToRolePolicy(new PolicyStatement({ actions, resources: patterns.map((p) => bucket.arnForObjects(p)) }));

    // The registry: uploads read and stored (registry function; the first run imports one if none is stored).
    for (const fn of [this.fn, this.beginFn]) {
      items(fn, ['Query', 'BatchWriteItem'], REGISTRY_PARTITIONS);
      objects(fn, ['s3:GetObject'], `${REGISTRY_PREFIX}*`);
    }
    items(this.beginFn, ['UpdateItem'], AUDIT_PARTITIONS);
    // Map children: the summary index only, and their partial files.
    this.shardFn.addToRolePolicy(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [`${table.tableArn}/index/${schema.bySummary.name}`] }));
    objects(this.shardFn, ['s3:PutObject'], SUMMARY_FILES);
    // The reduce: partial files in, report files out; the registry read; the run marked running.
    objects(this.reduceFn, ['s3:GetObject'], SUMMARY_FILES);
    objects(this.reduceFn, ['s3:PutObject'], REPORT_FILES);
    items(this.reduceFn, ['Query'], REGISTRY_PARTITIONS);
    items(this.reduceFn, ['UpdateItem'], AUDIT_PARTITIONS);
    // Storing: the run's JSON report in, the audit's items (findings, run, lock) written.
    objects(this.storeFn, ['s3:GetObject'], RUN_JSON);
    items(this.storeFn, ['Query', 'BatchWriteItem', 'PutItem', 'DeleteItem'], AUDIT_PARTITIONS);
    items(this.statusFn, ['UpdateItem', 'DeleteItem'], AUDIT_PARTITIONS);

    const b = logicalId(bucket);
    const wildcard = (pattern: string, reason: string) => ({ id: `AwsSolutions-IAM5[Resource::<${b}.Arn>/${pattern}]`, reason });
    acknowledgeFunction(this.fn, wildcard(`${REGISTRY_PREFIX}*`, 'Reads the registry CSVs supervisors upload under registry/.'));
    acknowledgeFunction(this.beginFn, wildcard(`${REGISTRY_PREFIX}*`, 'Imports the registry uploaded under registry/ when none is stored yet.'));
    acknowledgeFunction(this.shardFn, wildcard(SUMMARY_FILES, 'Writes one partial file per shard under the run’s folder audits/<year>/<run>/summaries/.'));
    acknowledgeFunction(
      this.reduceFn,
      wildcard(SUMMARY_FILES, 'Reads the partial files the map children of the run wrote.'),
      wildcard(REPORT_FILES, 'Writes the run’s three report files audits/<year>/<run>/audit.html|csv|json.'),
    );
    acknowledgeFunction(this.storeFn, wildcard(RUN_JSON, 'Reads the run’s JSON report (its findings) written by the reduce.'));
    acknowledgeFunction(this.shardFn, {
      id: `AwsSolutions-IAM5[Resource::<${logicalId(table)}.Arn>/index/${schema.bySummary.name}]`,
      reason: 'Not a wildcard: queries the summary index of this table only.',
    });
    // CDK's grants to the state machine role: invoking each step (`arn:…:function:name:*` covers its versions),
    // starting its own map children, writing logs and traces (no resource-level permissions there).
    Validations.of(this.stateMachine).acknowledge(
      ...[this.beginFn, this.shardFn, this.reduceFn, this.storeFn].map((fn) => ({
        id: `AwsSolutions-IAM5[Resource::<${logicalId(fn)}.Arn>:*]`,
        reason: 'The state machine invokes this step’s function, any version of it (CDK’s grant for a LambdaInvoke task).',
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'CloudWatch Logs delivery and X-Ray writes for the state machine support no resource-level permissions.',
      },
    );
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId(this.stateMachine)}"}]}]}`;
    Validations.of(this.stateMachine).acknowledge(
      { id: `AwsSolutions-IAM5[Resource::${executions}:*]`, reason: 'The distributed map describes and stops the executions of this state machine only.' },
      {
        id: `AwsSolutions-IAM5[Resource::${executions}/shards:*]`,
        reason: 'The distributed map runs its children (label `shards`) as executions of this state machine only.',
      },
    );
  }
}
