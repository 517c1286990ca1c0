/**
 * Recorded outputs made deterministic: request ids dropped, page tokens, upload ids and ETags replaced by
 * numbered placeholders (an ETag keeps its quotes, or their absence), and members without a value kept.
 */
import { describe, expect, test } from '@jest/globals';
import { Substitutions } from '../../../../src/plugins/aws/recording/substitutions';
import { normalizeOutput } from '../../../../src/plugins/aws/recording/volatile-values';

describe('normalizeOutput', () => {
  test('page tokens, upload ids and ETags become placeholders, each kind numbered on its own', () => {
    const substitutions = new Substitutions();

    const output = normalizeOutput(
      {
        RequestId: 'r-1',
        UploadId: 'VXBsb2FkSWQ',
        NextContinuationToken: '1ueGcxLPRx1Tr',
        Parts: [{ ETag: '"9a0364b9e9"' }, { ETag: 'W/"67ab43"' }],
      },
      substitutions,
    );

    expect(output).toEqual({
      UploadId: 'upload-1',
      NextContinuationToken: 'token-1',
      Parts: [{ ETag: '"etag-1"' }, { ETag: 'etag-2' }],
    });
    expect(substitutions.apply({ UploadId: 'VXBsb2FkSWQ' })).toEqual({ UploadId: 'upload-1' });
  });

  test('a last page has no token: members without a string value are kept as they are', () => {
    const output = normalizeOutput({ Items: [], NextToken: undefined, ETag: null }, new Substitutions());

    expect(output).toStrictEqual({ Items: [], NextToken: undefined, ETag: null });
  });
});
