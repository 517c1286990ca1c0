// Runs on both SDK lines (library and sdk-3.600).
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, test } from '@jest/globals';
import { StrictVerifier } from 'ts-tripwire';
import { nameCommand, probeServiceName } from '../../../../src/plugins/aws/sdk/naming';
import { configMessage } from '../../../support/config-error';

/**
 * What an SDK too old for operation schemas and for the builder's context looks like to the namer: a command
 * whose resolveMiddleware needs a real middleware stack, and no schema. Only the class name is left.
 */
function legacyInstance(commandClass: typeof GetObjectCommand): GetObjectCommand {
  const command = new commandClass({ Bucket: 'b', Key: 'k' });
  Object.defineProperty(command, 'schema', { value: undefined });
  return command;
}

class NeedsRealStack extends GetObjectCommand {
  override resolveMiddleware(): never {
    throw new TypeError('resolveMiddleware needs a real stack');
  }
}

// Class names as bundlers leave them (esbuild suffixes duplicates with a digit) or as a user wrote them.
const legacyClasses = {
  GetObjectCommand2: class extends NeedsRealStack {},
  LegacyGetObjectCommand: class extends NeedsRealStack {},
  GetCommandHistoryCommand: class extends NeedsRealStack {},
  Command: class extends NeedsRealStack {},
};

describe('naming a command when neither its schema nor its builder names it', () => {
  test.each([
    ['GetObjectCommand2', 'GetObject'],
    ['LegacyGetObjectCommand', 'LegacyGetObject'],
    ['GetCommandHistoryCommand', 'GetCommandHistory'],
    // Nothing is left once the suffix is cut: the class name is kept as it is.
    ['Command', 'Command'],
  ] as const)('the class %s is named %p, with no service', (className, operation) => {
    expect(legacyClasses[className].name).toBe(className);
    expect(nameCommand(legacyInstance(legacyClasses[className]))).toEqual({
      operation,
      serviceKey: undefined,
      document: false,
    });
  });

  test('probeServiceName answers undefined rather than throwing', () => {
    class AlsoNeedsRealStack extends NeedsRealStack {}
    expect(probeServiceName(new AlsoNeedsRealStack({ Bucket: 'b', Key: 'k' }))).toBeUndefined();
  });
});

describe('probing a command leaves it as it was', () => {
  test("an instance's own resolveMiddlewareWithContext is put back with its descriptor", () => {
    const command = new GetObjectCommand({ Bucket: 'b', Key: 'k' });
    const inherited = (
      command as unknown as { resolveMiddlewareWithContext: (...args: unknown[]) => unknown }
    ).resolveMiddlewareWithContext;
    // A per-instance wrapper, assigned as user code or a tracing helper would assign it.
    const own = function (this: unknown, ...args: unknown[]) {
      return inherited.apply(this, args);
    };
    (command as unknown as { resolveMiddlewareWithContext: unknown }).resolveMiddlewareWithContext = own;
    expect(probeServiceName(command)).toBe('AmazonS3');
    expect(Object.getOwnPropertyDescriptor(command, 'resolveMiddlewareWithContext')).toEqual({
      value: own,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    // And it can be probed again.
    expect(probeServiceName(command)).toBe('AmazonS3');
  });

  test('an instance without one is left without one', () => {
    const command = new PutObjectCommand({ Bucket: 'b', Key: 'k' });
    expect(probeServiceName(command)).toBe('AmazonS3');
    expect(Object.hasOwn(command, 'resolveMiddlewareWithContext')).toBe(false);
  });
});

describe('a command that merely carries a clientCommand is not a document command', () => {
  test.each([
    ['null', null],
    ['missing', undefined],
  ])('inputKeyNodes %s: named after its own class', (_label, inputKeyNodes) => {
    // A user's wrapper that keeps the command it wraps, as the document client's commands do.
    class Wrapping extends GetObjectCommand {
      readonly clientCommand = new PutObjectCommand({ Bucket: 'b', Key: 'k' });
      readonly inputKeyNodes = inputKeyNodes;
    }
    expect(nameCommand(new Wrapping({ Bucket: 'b', Key: 'k' }))).toEqual({
      operation: 'GetObject',
      serviceKey: 's3',
      document: false,
    });
  });
});

describe("a user's own class named Command (as CLI frameworks name theirs) is not an SDK command", () => {
  // No resolveMiddleware anywhere in the chain: only the name of a parent class matches smithy's.
  class Command {
    run(): string {
      return 'ran';
    }
  }
  class Deploy extends Command {}
  // A chain longer than the number of classes looked at for resolveMiddleware.
  class Level1 {}
  class Level2 extends Level1 {}
  class Level3 extends Level2 {}
  class Level4 extends Level3 {}
  class Level5 extends Level4 {}
  const DeepDeploy = (() => {
    class Command extends Level5 {}
    return class DeepDeploy extends Command {};
  })();

  test.each([
    ['Deploy', Deploy],
    ['DeepDeploy', DeepDeploy],
  ] as const)('%s: the class is refused without being constructed', (name, commandClass) => {
    let constructed = 0;
    const Counted = class extends (commandClass as new () => object) {
      constructor() {
        super();
        constructed++;
      }
    };
    Object.defineProperty(Counted, 'name', { value: name });
    const verifier = new StrictVerifier();
    expect(configMessage(() => verifier.aws.mockCall(Counted as never))).toBe(
      `mockCall() was given the class ${name}, which is not an AWS SDK v3 command class. Pass the class itself ` +
        "(GetObjectCommand, not new GetObjectCommand(...)), or the strings: mockCall('s3', 'GetObject', { ... }).",
    );
    expect(constructed).toBe(0);
  });

  test.each([
    ['Deploy', Deploy],
    ['DeepDeploy', DeepDeploy],
  ] as const)(
    '%s: an instance is refused as not the strings, not as a command instance',
    (_name, commandClass) => {
      const verifier = new StrictVerifier();
      const message = configMessage(() =>
        verifier.aws.mockCall(new commandClass() as never, 'GetObject' as never),
      );
      expect(message).toContain('mockCall() takes the service and the operation as strings, not ');
      expect(message).not.toContain('takes the command class, not an instance');
    },
  );
});
