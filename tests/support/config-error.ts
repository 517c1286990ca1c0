import { expect } from '@jest/globals';
import { TripwireConfigError } from 'ts-tripwire';

/** The message of the `TripwireConfigError` a function throws; fails the test on any other outcome. */
export function configMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TripwireConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a TripwireConfigError');
}
