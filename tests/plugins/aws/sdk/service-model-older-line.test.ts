/**
 * The model of a command from an SDK line without operation schemas, loaded beside the latest line. Latest
 * line only: under sdk-3.600 both copies would be the same one. Its own file: the older copy stays loaded, and
 * would be another candidate for every later lookup of s3's package.
 */
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { expect, jest, test } from '@jest/globals';
import { validationWarningsGiven } from '../../../../src/plugins/aws/sdk/sdk-line';
import { operationModel } from '../../../../src/plugins/aws/sdk/service-model';

const OLDER_ENTRY = join(__dirname, '../../../compat/sdk-3.600/node_modules/@aws-sdk/client-s3');

test('a command of a line without operation schemas (3.600) has no model, and a warning says so', () => {
  const older = require(OLDER_ENTRY) as typeof import('@aws-sdk/client-s3');
  const warned = validationWarningsGiven;
  const hadWarned = warned.delete('no-schemas');
  const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  try {
    const olderFile = require.resolve(OLDER_ENTRY);
    expect(
      operationModel(new older.GetObjectCommand({ Bucket: 'b', Key: 'k' }), () => olderFile),
    ).toBeUndefined();
    expect(emitWarning).toHaveBeenCalledTimes(1);
    expect(emitWarning.mock.calls[0]?.[1]).toEqual({
      type: 'TripwireWarning',
      code: 'TRIPWIRE_VALIDATION_SKIPPED',
    });
    // The same operation on this line has one.
    const latestFile = require.resolve('@aws-sdk/client-s3');
    expect(operationModel(new GetObjectCommand({ Bucket: 'b', Key: 'k' }), () => latestFile)).toMatchObject({
      topLevelOnly: false,
      requiredCount: 2,
    });
  } finally {
    emitWarning.mockRestore();
    if (hadWarned) warned.add('no-schemas');
  }
});
