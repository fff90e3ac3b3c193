import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api, type PageDomain } from './api';
import { Audit } from './audit';
import { Ingest } from './ingest';
import { Reconcile } from './reconcile';
import { Monitoring } from './monitoring';
import { Ocr } from './ocr';
import { Redecide } from './redecide';
import { Storage } from './storage';

/** The whole system in one stack; each concern is a construct of its own in lib/. */
export class OgiStack extends Stack {
  readonly storage: Storage;
  readonly ocr: Ocr;
  readonly ingest: Ingest;
  readonly api: Api;
  readonly redecide: Redecide;
  readonly reconcile: Reconcile;
  readonly audit: Audit;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.storage = new Storage(this, 'Storage');
    this.ocr = new Ocr(this, 'Ocr', { bucket: this.storage.bucket, table: this.storage.table });
    this.ingest = new Ingest(this, 'Ingest', { bucket: this.storage.bucket, table: this.storage.table, ocrFn: this.ocr.fn });
    this.redecide = new Redecide(this, 'Redecide', { bucket: this.storage.bucket, table: this.storage.table });
    this.api = new Api(this, 'Api', {
      bucket: this.storage.bucket,
      table: this.storage.table,
      accessLogs: this.storage.accessLogs,
      redecideFn: this.redecide.fn,
      pageDomain: pageDomainOf(this),
    });
    this.reconcile = new Reconcile(this, 'Reconcile', { bucket: this.storage.bucket, table: this.storage.table });
    this.audit = new Audit(this, 'Audit', { bucket: this.storage.bucket, table: this.storage.table });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      ingestFn: this.ingest.fn,
      auditFn: this.audit.fn,
      auditMachine: this.audit.stateMachine,
      auditSteps: { Begin: this.audit.beginFn, Shard: this.audit.shardFn, Reduce: this.audit.reduceFn, Store: this.audit.storeFn, Status: this.audit.statusFn },
      auditEventFailures: this.audit.eventFailures,
      ocrFn: this.ocr.fn,
      apiFn: this.api.fn,
      redecideFn: this.redecide.fn,
      reconcileFn: this.reconcile.fn,
      httpApi: this.api.httpApi,
      deadLetterAlarm: this.ingest.deadLetterAlarm,
      alarms: [this.reconcile.staleAlarm, this.reconcile.schedule.deadLetterAlarm, this.redecide.failureAlarm, ...this.ocr.alarms],
    });
  }
}

/** The page's own domain from CDK context (`-c pageDomain=… -c pageCertificateArn=…`): both or neither. */
function pageDomainOf(scope: Construct): PageDomain | undefined {
  const domainName: unknown = scope.node.tryGetContext('pageDomain');
  const certificateArn: unknown = scope.node.tryGetContext('pageCertificateArn');
  if (domainName === undefined && certificateArn === undefined) return undefined;
  if (typeof domainName !== 'string' || typeof certificateArn !== 'string' || !domainName || !certificateArn)
    throw new Error("pageDomain and pageCertificateArn go together: give both, or neither for CloudFront's own domain");
  return { domainName, certificateArn };
}
