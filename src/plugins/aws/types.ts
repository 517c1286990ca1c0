import type { Readable } from 'node:stream';
import type { ResponseMetadata } from '@aws-sdk/types';
import type { AsymmetricMatcher } from '../../verifier/format';

/** Any AWS SDK v3 command class (`GetObjectCommand`, lib-dynamodb's `PutCommand`, ...). */
export type CommandClass = abstract new (input: never) => { readonly input: object };

/** The input type of a command class. */
export type CommandInput<C extends CommandClass> = InstanceType<C>['input'];

/** The output type of a command class, read from its `resolveMiddleware` handler. */
export type CommandOutput<C extends CommandClass> =
  InstanceType<C> extends {
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
  $metadata?: Partial<ResponseMetadata>;
};

/** An error described by its code; modeled codes become the client's own exception class. */
export interface RaisesSpec {
  code: string;
  message?: string;
  $fault?: 'client' | 'server';
  $metadata?: Partial<ResponseMetadata>;
  [field: string]: unknown;
}

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

export interface AwsCallAssertion {
  service: string;
  operation: string;
  params: Record<string, unknown> | AsymmetricMatcher;
  raised?: RaisedExpectation;
}

export interface TypedAwsCallAssertion<I> {
  params: Matchable<I>;
  raised?: RaisedExpectation;
}

/**
 * Services whose string form is typed. Empty until you augment it, e.g. in a test setup `.d.ts`:
 *
 * ```ts
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
  ? { service: S; operation: O; params: Matchable<CommandInput<CommandOf<S, O>>>; raised?: RaisedExpectation }
  : AwsCallAssertion;
