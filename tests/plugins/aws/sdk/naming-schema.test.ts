// Latest SDK line only: commands of the sdk-3.600 line carry no operation schema, so there this command would
// be named after its class (see naming-internals.test.ts).
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { nameCommand } from '../../../../src/plugins/aws/sdk/naming';

describe('the operation schema names a command by itself', () => {
  test("without the builder's context, the schema still names the operation, whatever the class is called", () => {
    class RenamedByBundler extends GetObjectCommand {
      override resolveMiddleware(): never {
        throw new TypeError('resolveMiddleware needs a real stack');
      }
    }
    expect(nameCommand(new RenamedByBundler({ Bucket: 'b', Key: 'k' }))).toEqual({
      operation: 'GetObject',
      serviceKey: undefined,
      document: false,
    });
  });
});
