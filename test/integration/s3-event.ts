import type { S3Event } from 'aws-lambda';
import { encodeKey } from '../../lambdas/ingest/s3-event';

/** The S3 event AWS delivers for one object put under `key`. */
export function s3EventFor(bucket: string, key: string): S3Event {
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date().toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: 'test' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: { 'x-amz-request-id': 'r', 'x-amz-id-2': 'i' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'ingest',
          bucket: { name: bucket, ownerIdentity: { principalId: 'test' }, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encodeKey(key), size: 1, eTag: 'e', sequencer: '1' },
        },
      },
    ],
  };
}
