import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, test } from '@jest/globals';
import {
  InteractionMismatchError,
  MissingAssertionFieldsError,
  StrictVerifier,
  tripwire,
  UnassertedInteractionsError,
} from 'ts-tripwire';
import type { Interaction, Plugin } from '../../src/plugins/contract/plugin';
import { AnyOrderBlock } from '../../src/verifier/any-order-block';
import { Timeline } from '../../src/verifier/timeline';
import { thrownBy } from '../support/rejection';

type Outcome = 'ok' | 'NoSuchKey';

/** A verifier that recorded one s3.GetObject per entry, Bucket 'b', in order; 'NoSuchKey' ones raised. */
async function getObjects(calls: Array<[key: string, outcome?: Outcome]>): Promise<StrictVerifier> {
  const verifier = new StrictVerifier();
  for (const [, outcome] of calls) {
    verifier.aws.mockCall('s3', 'GetObject', outcome === 'NoSuchKey' ? { raises: 'NoSuchKey' } : {});
  }
  const s3 = new S3Client({});
  await verifier.run(async () => {
    for (const [key] of calls) await s3.send(new GetObjectCommand({ Bucket: 'b', Key: key })).catch(() => {});
  });
  return verifier;
}

const get = (verifier: StrictVerifier, Key: unknown, raised?: string) =>
  verifier.aws.assertAwsCall({
    service: 's3',
    operation: 'GetObject',
    params: { Bucket: 'b', Key },
    ...(raised === undefined ? {} : { raised }),
  });

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('inAnyOrder succeeds iff every assertion can have its own fully matching interaction', () => {
  test('an assertion without raised takes the call that succeeded, though one that raised comes first', async () => {
    const verifier = await getObjects([
      ['k', 'NoSuchKey'],
      ['k', 'ok'],
    ]);
    verifier.inAnyOrder(() => {
      get(verifier, 'k');
      get(verifier, 'k', 'NoSuchKey');
    });
    verifier.verifyAll();
  });

  test('a partial assertion gives up the call an exact one needs, whichever comes first', async () => {
    for (const partialFirst of [true, false]) {
      const verifier = await getObjects([['k1'], ['k2']]);
      verifier.inAnyOrder(() => {
        if (partialFirst) get(verifier, tripwire.ANY);
        get(verifier, 'k1');
        if (!partialFirst) get(verifier, expect.any(String));
      });
      verifier.verifyAll();
    }
  });

  test('a chain of moves: each earlier assertion steps to its next candidate to make room', async () => {
    const verifier = await getObjects([['a'], ['b'], ['c'], ['d']]);
    verifier.inAnyOrder(() => {
      get(verifier, expect.stringMatching(/^[ab]$/));
      get(verifier, expect.stringMatching(/^[abc]$/));
      get(verifier, expect.stringMatching(/^[bcd]$/));
      get(verifier, 'a');
    });
    verifier.verifyAll();
  });

  test('when the block needs every match elsewhere, the error names who holds each and what is left', async () => {
    const verifier = await getObjects([['k1'], ['k2']]);
    const error = thrownBy(() =>
      verifier.inAnyOrder(() => {
        get(verifier, expect.stringMatching(/1/));
        get(verifier, 'k1');
      }),
    );
    expect(error).toBeInstanceOf(InteractionMismatchError);
    expect(error.message).toBe(
      [
        "No unasserted interaction is left for this assertion (in any order): s3.GetObject({ Bucket: 'b', Key: 'k1' })",
        'The interactions it matches are all needed by the other assertions of the inAnyOrder block:',
        "  #1 s3.GetObject({ Bucket: 'b', Key: 'k1' }), matched by s3.GetObject({ Bucket: 'b', Key: expect.stringMatching(/1/) })",
        'Each assertion needs an interaction of its own: the code made fewer of these calls than the block asserts.',
        "Closest: #2 s3.GetObject({ Bucket: 'b', Key: 'k2' })",
        'Differing fields:',
        "  params.Key: expected 'k1', actual 'k2'",
        'Unasserted timeline (next first):',
        "  #2 s3.GetObject({ Bucket: 'b', Key: 'k2' })",
        'To assert what was recorded:',
        "  verifier.aws.assertAwsCall({ service: 's3', operation: 'GetObject', params: { Bucket: 'b', Key: 'k2' } });",
      ].join('\n'),
    );
    // The block closed with what it had matched: only #2 is left.
    get(verifier, 'k2');
    verifier.verifyAll();
  });

  test('a failed assertion leaves the block as it was, and later assertions still join it', async () => {
    const verifier = await getObjects([['k1'], ['k2']]);
    verifier.inAnyOrder(() => {
      get(verifier, 'k2');
      expect(() => get(verifier, 'k3')).toThrow(
        "No unasserted interaction matches this assertion (in any order): s3.GetObject({ Bucket: 'b', Key: 'k3' })",
      );
      expect(() => get(verifier, 'k2')).toThrow('matched by s3.GetObject');
      get(verifier, tripwire.ANY);
    });
    verifier.verifyAll();
  });

  test('only a call that raised is left: MissingAssertionFieldsError with the assertion to paste', async () => {
    const verifier = await getObjects([
      ['k', 'ok'],
      ['k', 'NoSuchKey'],
    ]);
    const error = thrownBy(() =>
      verifier.inAnyOrder(() => {
        get(verifier, 'k');
        get(verifier, 'k');
      }),
    );
    expect(error).toBeInstanceOf(MissingAssertionFieldsError);
    expect(error.message).toContain(
      "The assertion leaves out raised, which #2 recorded: s3.GetObject({ Bucket: 'b', Key: 'k' }) raised",
    );
    expect(error.message).toContain("raised: 'NoSuchKey'");
  });

  test('with everything matched by the block, the error says the block holds the rest', async () => {
    const verifier = await getObjects([['k1']]);
    const error = thrownBy(() =>
      verifier.inAnyOrder(() => {
        get(verifier, 'k1');
        get(verifier, 'k9');
      }),
    );
    expect(error.message).toBe(
      [
        "No unasserted interaction is left to match this assertion: s3.GetObject({ Bucket: 'b', Key: 'k9' })",
        'Every recorded interaction is asserted or matched by another assertion of this inAnyOrder block: the code under test made fewer calls than the test expects.',
        'Remove this assertion, or register a mock and make the code under test make the call.',
      ].join('\n'),
    );
  });

  test('the remaining timeline in an error leaves out what the block already matched', async () => {
    const verifier = await getObjects([['k1'], ['k2'], ['k3']]);
    const error = thrownBy(() =>
      verifier.inAnyOrder(() => {
        get(verifier, 'k2');
        get(verifier, 'k4');
      }),
    );
    expect(error.message).toContain(
      "Unasserted timeline (next first):\n  #1 s3.GetObject({ Bucket: 'b', Key: 'k1' })\n  #3 s3.GetObject({ Bucket: 'b', Key: 'k3' })\nTo assert",
    );
  });

  test('matching needs every field: an alias of the operation and other services never take a call', async () => {
    const verifier = new StrictVerifier();
    verifier.aws.mockCall('s3', 'GetObject');
    verifier.aws.mockCall('sqs', 'SendMessage');
    await verifier.run(async () => {
      await new S3Client({}).send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }));
      await new SQSClient({}).send(new SendMessageCommand({ QueueUrl: 'q', MessageBody: 'm' }));
    });
    verifier.inAnyOrder(() => {
      verifier.aws.assertAwsCall({
        service: 'sqs',
        operation: 'SendMessage',
        params: { QueueUrl: 'q', MessageBody: 'm' },
      });
      verifier.aws.assertAwsCall({
        service: 'S3Client',
        operation: 'GetObjectCommand',
        params: { Bucket: 'b', Key: 'k' },
      });
    });
    verifier.verifyAll();
  });
});

describe('an inAnyOrder block is the assertions made from inside its function', () => {
  test('an async block does not reach assertions made outside it while it is pending', async () => {
    const verifier = await getObjects([['k1'], ['k2'], ['k3']]);
    const block = verifier.inAnyOrder(async () => {
      await tick();
      get(verifier, 'k3');
      await tick();
      get(verifier, 'k2');
    });
    expect(() => get(verifier, 'k2')).toThrow(
      "Assertion does not match the next recorded interaction, #1 s3.GetObject({ Bucket: 'b', Key: 'k1' })",
    );
    await block;
    get(verifier, 'k1');
    verifier.verifyAll();
  });

  test('assertions made after the block settled, from work it left behind, are in strict order', async () => {
    const verifier = await getObjects([['k1'], ['k2']]);
    let later: Promise<unknown> = Promise.resolve();
    await verifier.inAnyOrder(async () => {
      later = tick().then(() => thrownBy(() => get(verifier, 'k2')));
    });
    expect(((await later) as Error).message).toContain('#1 s3.GetObject');
    get(verifier, 'k1');
    get(verifier, 'k2');
    verifier.verifyAll();
  });

  test('a nested block joins the outer one, and the matching covers both', async () => {
    const verifier = await getObjects([['k1'], ['k2']]);
    await verifier.inAnyOrder(async () => {
      get(verifier, tripwire.ANY);
      await verifier.inAnyOrder(async () => {
        await tick();
        get(verifier, 'k1');
      });
      // Still open after the inner block: nothing was marked asserted yet.
      expect(() => verifier.verifyAll()).toThrow(UnassertedInteractionsError);
    });
    verifier.verifyAll();
  });

  test('another verifier’s block leaves this verifier in strict order', async () => {
    const [first, second] = [await getObjects([['a1'], ['a2']]), await getObjects([['b1'], ['b2']])];
    first.inAnyOrder(() => {
      get(first, 'a2');
      expect(() => get(second, 'b2')).toThrow('#1 s3.GetObject');
      second.inAnyOrder(() => get(second, 'b2'));
      get(first, 'a1');
    });
    get(second, 'b1');
    first.verifyAll();
    second.verifyAll();
  });

  test('two blocks pending at once never give the same interaction to both', async () => {
    const verifier = await getObjects([['k'], ['k'], ['x']]);
    const both = Promise.all([
      verifier.inAnyOrder(async () => {
        await tick();
        get(verifier, 'k');
        await tick();
        await tick();
      }),
      verifier.inAnyOrder(async () => {
        await tick();
        get(verifier, 'k');
        await tick();
        const error = thrownBy(() => get(verifier, 'k'));
        expect(error.message).toContain(
          "#1 s3.GetObject({ Bucket: 'b', Key: 'k' }), matched by another open inAnyOrder block\n" +
            "  #2 s3.GetObject({ Bucket: 'b', Key: 'k' }), matched by s3.GetObject({ Bucket: 'b', Key: 'k' })",
        );
      }),
    ]);
    await both;
    expect(() => verifier.verifyAll()).toThrow("#3 s3.GetObject({ Bucket: 'b', Key: 'x' })");
    get(verifier, 'x');
    verifier.verifyAll();
  });

  test('a block that throws still counts what it matched; its result and errors pass through', async () => {
    const verifier = await getObjects([['k1'], ['k2']]);
    expect(verifier.inAnyOrder(() => 42)).toBe(42);
    await expect(verifier.inAnyOrder(async () => 'done')).resolves.toBe('done');
    const failure = new Error('boom');
    expect(() =>
      verifier.inAnyOrder(() => {
        get(verifier, 'k2');
        throw failure;
      }),
    ).toThrow(failure);
    await expect(
      verifier.inAnyOrder(async () => {
        await tick();
        get(verifier, 'k1');
        throw failure;
      }),
    ).rejects.toBe(failure);
    verifier.verifyAll();
  });
});

describe('the any-order block with a plugin whose keys do not decide', () => {
  // A stand-in plugin: an assertion { key } matches interactions with that key, but its expectedKey
  // never equals an interaction's assertionKey, as a plugin with looser matching than its keys might do.
  const keyOf = (interaction: Interaction) => (interaction.fields as { key: string }).key;
  const plugin = {
    name: 'stand-in',
    matchFields: (interaction: Interaction, expected: Readonly<Record<string, unknown>>) =>
      keyOf(interaction) === expected.key
        ? []
        : [{ path: 'key', expected: expected.key, actual: keyOf(interaction) }],
    missingFields: () => [],
    assertionKey: (interaction: Interaction) => `recorded:${String(keyOf(interaction))}`,
    expectedKey: (expected: Readonly<Record<string, unknown>>) => `asserted:${String(expected.key)}`,
  } as unknown as Plugin;

  test('an assertion whose key finds no candidate falls back to every unasserted interaction', () => {
    const timeline = new Timeline();
    for (const key of ['a', 'b', 'a']) timeline.append(plugin, { key });
    const block = new AnyOrderBlock(timeline, new Set());
    expect([
      block.add(plugin, { key: 'a' }),
      block.add(plugin, { key: 'a' }),
      block.add(plugin, { key: 'a' }),
    ]).toEqual([true, true, false]);
    expect([block.isClaimed(0), block.isClaimed(1), block.isClaimed(2)]).toEqual([true, false, true]);
    expect(block.claimant(2)).toMatchObject({ plugin, expected: { key: 'a' } });
    block.close();
    expect(timeline.unasserted().map(keyOf)).toEqual(['b']);
  });
});
