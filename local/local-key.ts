/**
 * Keys the local file store (s3rver keeps each object as files named after its key) cannot hold
 * safely, though S3 takes them: `.`/`..` segments would resolve outside the bucket's prefixes
 * (`incoming/../records/x.json` lands on a stored record), and a segment longer than a file name
 * may be (255 bytes, less the `._S3rver_metadata.json` s3rver appends) ends the server.
 */
const NAME_MAX = 255;
const S3RVER_SUFFIX = '._S3rver_metadata.json';

export function localKeyProblem(key: string): string | undefined {
  const segments = key.split('/');
  if (segments.some((s) => s === '.' || s === '..'))
    return `The key ${JSON.stringify(key)} has a "." or ".." segment, which the local store would resolve outside its folder.`;
  const last = segments.length - 1;
  for (const [i, s] of segments.entries()) {
    const limit = NAME_MAX - (i === last ? S3RVER_SUFFIX.length : 0);
    if (Buffer.byteLength(s) > limit) return `Name of ${Buffer.byteLength(s)} bytes: the local store holds ${limit} at most (rename the file).`;
  }
  return undefined;
}
