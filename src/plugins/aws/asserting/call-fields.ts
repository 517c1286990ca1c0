import { canonicalKey } from '../../../util/canonical';
import { Note } from '../../../util/format';
import { diffValues, type FieldMismatch } from '../../../util/matching';
import type { CallName } from '../sdk/call-info';
import { raisedMatches } from './raised';

/** The fields of a recorded AWS interaction. */
export interface AwsCallFields {
  readonly service: string;
  readonly serviceKey: string;
  readonly operation: string;
  readonly params: unknown;
  readonly raised?: unknown;
}

/**
 * A recorded call as the timeline keeps it: the name is shared by every call of the operation, so each
 * recording holds only its own params and outcome (a test can record hundreds of thousands).
 */
export class RecordedCall implements AwsCallFields {
  /** What the call raised, set when it fails; `undefined` while it succeeded or is pending. */
  raised: unknown = undefined;

  constructor(
    readonly name: CallName,
    readonly params: unknown,
  ) {}

  get service(): string {
    return this.name.service;
  }

  get serviceKey(): string {
    return this.name.serviceKey;
  }

  get operation(): string {
    return this.name.operation;
  }
}

/** What an assertion expects, with the service already reduced to its match key. */
export interface ExpectedCall {
  service: string;
  serviceKey: string;
  operation: string;
  params: unknown;
  raised?: unknown;
}

const SUCCEEDED = new Note('nothing: the call succeeded');

/** The fields of `expected` that differ from a recorded call (an empty list means it matches). */
export function callMismatches(actual: AwsCallFields, expected: ExpectedCall): FieldMismatch[] {
  const mismatches: FieldMismatch[] = [];
  if (actual.serviceKey !== expected.serviceKey) {
    mismatches.push({ path: 'service', expected: expected.service, actual: actual.service });
  }
  if (!operationMatches(actual.operation, expected.operation)) {
    mismatches.push({ path: 'operation', expected: expected.operation, actual: actual.operation });
  }
  diffValues(expected.params, actual.params, 'params', mismatches);
  if ('raised' in expected) {
    if (actual.raised === undefined) {
      mismatches.push({ path: 'raised', expected: expected.raised, actual: SUCCEEDED });
    } else if (!raisedMatches(expected.raised, actual.raised)) {
      mismatches.push({ path: 'raised', expected: expected.raised, actual: actual.raised });
    }
  }
  return mismatches;
}

/** The same for a recorded call and for an assertion that matches it: its name and canonical params. */
export function callKey(call: AwsCallFields | ExpectedCall): string | undefined {
  const params = canonicalKey(call.params);
  return params === undefined ? undefined : `${call.serviceKey}:${call.operation}:${params}`;
}

/** `'GetObjectCommand'` in an assertion names `GetObject` when the client package was not there to say. */
function operationMatches(recorded: string, expected: string): boolean {
  return recorded === expected || `${recorded}Command` === expected;
}

/** Whether a recorded call is the one an assertion names, params aside. */
export function sameName(actual: AwsCallFields, expected: ExpectedCall): boolean {
  return actual.serviceKey === expected.serviceKey && operationMatches(actual.operation, expected.operation);
}
