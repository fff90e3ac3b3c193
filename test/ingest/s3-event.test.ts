import type { S3Event } from 'aws-lambda';
import fc from 'fast-check';
import created from '../../events/s3-object-created.json';
import removed from '../../events/s3-object-removed.json';
import { recordId } from '../../lambdas/ingest/record-id';
import { decodeKey, encodeKey, uploadsOf } from '../../lambdas/ingest/s3-event';

describe('S3 event → uploads', () => {
  it('decodes the key S3 sends URL-encoded with + for spaces, keeps the version and event time', () => {
    expect(uploadsOf(created as S3Event)).toEqual([
      {
        source: { bucket: 'ogi-reports', key: 'incoming/2024 平潭综合实验区.html', versionId: '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY' },
        size: 17320,
        uploadedAt: '2026-11-28T08:00:00.000Z',
      },
    ]);
  });

  it('ignores removals and objects outside incoming/', () => {
    expect(uploadsOf(removed as S3Event)).toEqual([]);
    const elsewhere = structuredClone(created) as S3Event;
    elsewhere.Records[0].s3.object.key = 'records/x.json';
    expect(uploadsOf(elsewhere)).toEqual([]);
  });

  it('decodes every key exactly as S3 encoded it (spaces, +, %, CJK, slashes)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (key) => decodeKey(encodeKey(key)) === key));
    expect(encodeKey('incoming/a b+c.html')).toBe('incoming/a+b%2Bc.html');
  });
});

describe('record id', () => {
  const sha = 'ab'.repeat(32);
  it('is the file name without extension plus 12 hex digits of the content hash', () => {
    expect(recordId('incoming/2024/平潭 2024.html', sha)).toBe('平潭-2024-abababababab');
  });
  it('differs for different content under the same name', () => {
    expect(recordId('incoming/report.pdf', 'cd'.repeat(32))).not.toBe(recordId('incoming/report.pdf', sha));
  });
});
