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
