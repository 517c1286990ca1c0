// Node's types come with ts-tripwire's declarations, as they do with any package whose types use them: with
// `types: []` (TypeScript 7's default) nothing else loads them, and both these declarations and the SDK's
// (`node:stream`, `Buffer`) need them. `preserve` keeps the line in the emitted .d.ts (TypeScript 5.5+).
/// <reference types="node" preserve="true" />
import type { Readable } from 'node:stream';
import type { ResponseMetadata } from '@aws-sdk/types';
import type { AsymmetricMatcher } from '../../util/format';

/** Any AWS SDK v3 command class (`GetObjectCommand`, lib-dynamodb's `PutCommand`, ...). */
export type CommandClass = abstract new (input: never) => { readonly input: object };

/** The input type of a command class. */
export type CommandInput<C extends CommandClass> = InstanceType<C>['input'];

/** The output type of a command class, read from its `resolveMiddleware` handler. */
export type CommandOutput<C extends CommandClass> =
  InstanceType<C> extends {
    /** The SDK's own method, whose handler resolves to `{ output }`: where the output type is read from. */
    resolveMiddleware(...args: never[]): (...args: never[]) => Promise<{ output: infer O }>;
  }
    ? O
    : Record<string, unknown>;

/** What a stream or blob output member may be given as. Each call gets a fresh SDK stream or blob. */
export type PayloadInput = string | Uint8Array | Readable;

type MockMember<T> =
  NonNullable<T> extends Uint8Array | { transformToString(...args: never[]): unknown } ? T | PayloadInput : T;

/** A mocked output: every member optional, `$metadata` optional and partial, payloads from plain values. */
export type MockOutput<O> = { [K in Exclude<keyof O, '$metadata'>]?: MockMember<O[K]> } & {
  /** Merged over the defaults: `httpStatusCode: 200`, a `requestId`, `attempts: 1`, `totalRetryDelay: 0`. */
  $metadata?: Partial<ResponseMetadata>;
};

/**
 * An error described by its code: `raises: { code: 'SlowDown', message: 'Please reduce your request rate.',
 * $fault: 'server' }`. A code the calling client's package models (`NoSuchKey`) becomes an instance of that
 * class; any other code, an instance of the service's base exception class (`S3ServiceException`).
 */
export interface RaisesSpec {
  /** The error's `name`: `'NoSuchKey'`, `'ConditionalCheckFailedException'`, `'AccessDenied'`, ... */
  code: string;
  /** The error's `message`. Default: the code. */
  message?: string;
  /** Default: the modeled class's fault, else `'client'`. */
  $fault?: 'client' | 'server';
  /** Merged over the defaults; `httpStatusCode` defaults to 400 for client faults and 500 for server faults. */
  $metadata?: Partial<ResponseMetadata>;
  /** Any other field is copied onto the error: `{ code: 'ThrottlingException', RetryAfterSeconds: 3 }`. */
  [field: string]: unknown;
}

/**
 * What `mockCall` queues for one operation: the outcome of the next call (`returns` or `raises`, not both),
 * whether it must be used, and how many calls it serves. `I` and `O` are the operation's input and output
 * types in the typed forms.
 */
export interface MockSpec<I = Record<string, unknown>, O = Record<string, unknown>> {
  /** What `send` resolves to (default `{}`): the output, or a function of the params. */
  returns?: MockOutput<O> | ((params: I) => MockOutput<O> | Promise<MockOutput<O>>);
  /** What `send` rejects with: an Error, an error code, `{ code, message?, ...fields }` or a function. */
  raises?: Error | string | RaisesSpec | ((params: I) => Error);
  /** An unconsumed required mock fails `verifyAll()`. Default `true`. */
  required?: boolean;
  /** Queue the same entry this many times. Default `1`. */
  times?: number;
}

/** A value, or a matcher for it, at any depth. */
export type Matchable<T> =
  | AsymmetricMatcher
  | (T extends Uint8Array | Date | Readable
      ? T
      : T extends readonly (infer E)[]
        ? Matchable<E>[]
        : T extends object
          ? { [K in keyof T]?: Matchable<T[K]> }
          : T);

/** What `raised` accepts: the error itself, its class, its name/code, or a matcher. */
export type RaisedExpectation =
  | Error
  | string
  | (abstract new (
      ...args: never[]
    ) => Error)
  | AsymmetricMatcher;

/**
 * `assertAwsCall({ service, operation, params, raised? })`: the next recorded call, in recording order, must
 * match every field.
 */
export interface AwsCallAssertion {
  /** The service, normalised as in `mockCall`: `'s3'`, `'S3Client'`, `'dynamodb-document'`. */
  service: string;
  /** The operation: the command class name without `Command` (`'GetObject'`). */
  operation: string;
  /**
   * Exactly the params that were sent: no missing or extra keys, `undefined` counting as absent. Any value,
   * or `params` itself, may be a matcher (`expect.objectContaining({...})` for an explicit partial match).
   */
  params: Record<string, unknown> | AsymmetricMatcher;
  /** Required when the call raised: the error, its class, its name or a matcher. */
  raised?: RaisedExpectation;
}

/** `assertAwsCall(GetObjectCommand, { params, raised? })`: `params` typed from the command's input. */
export interface TypedAwsCallAssertion<I> {
  /** Exactly the params that were sent; any value may be a matcher. */
  params: Matchable<I>;
  /** Required when the call raised: the error, its class, its name or a matcher. */
  raised?: RaisedExpectation;
}

/**
 * Services whose string form is typed. Empty until you augment it, e.g. in a `.d.ts` file your tsconfig
 * includes (the `export {}` makes the file a module, so that this augments ts-tripwire's types instead of
 * replacing them):
 *
 * ```ts
 * export {};
 *
 * declare module 'ts-tripwire' {
 *   interface AwsServices {
 *     s3: typeof import('@aws-sdk/client-s3');
 *     'dynamodb-document': typeof import('@aws-sdk/lib-dynamodb');
 *   }
 * }
 * ```
 * Then `mockCall('s3', 'GetObject', { returns })` checks the operation name and types `returns`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: an interface users augment with declaration merging
export interface AwsServices {}

/** The command classes of a client package's exports, by operation name (`GetObjectCommand` → `GetObject`). */
export type OperationsOf<M> = {
  [K in keyof M & string as K extends `${infer Operation}Command`
    ? Operation extends '' | '$' | `${string}Client`
      ? never
      : M[K] extends CommandClass
        ? Operation
        : never
    : never]: M[K] extends CommandClass ? M[K] : never;
};

type KnownService = keyof AwsServices & string;
type OperationsOfService<S> = S extends KnownService ? OperationsOf<AwsServices[S]> : never;

/** An operation name: any string, or for an augmented service one of its operations. */
export type OperationName<S extends string> = S extends KnownService
  ? keyof OperationsOfService<S> & string
  : string;

type CommandOf<S extends string, O extends string> = O extends keyof OperationsOfService<S>
  ? OperationsOfService<S>[O] extends infer C extends CommandClass
    ? C
    : never
  : never;

/** The spec for a string-form registration: typed for augmented services, untyped otherwise. */
export type MockSpecFor<S extends string, O extends string> = S extends KnownService
  ? MockSpec<CommandInput<CommandOf<S, O>>, CommandOutput<CommandOf<S, O>>>
  : MockSpec;

/** The assertion for a string-form call: `params` typed for augmented services. */
export type AwsCallAssertionFor<S extends string, O extends string> = S extends KnownService
  ? {
      /** The service, as named in `AwsServices`. */
      service: S;
      /** One of the service's operations. */
      operation: O;
      /** Exactly the params that were sent, typed from the operation's input; any value may be a matcher. */
      params: Matchable<CommandInput<CommandOf<S, O>>>;
      /** Required when the call raised: the error, its class, its name or a matcher. */
      raised?: RaisedExpectation;
    }
  : AwsCallAssertion;
