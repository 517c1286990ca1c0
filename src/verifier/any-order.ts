import { AsyncLocalStorage } from 'node:async_hooks';
import { AnyOrderBlock } from './any-order-block';
import type { Timeline } from './timeline';

/** The `inAnyOrder` blocks an async context is inside, innermost first (one per verifier). */
interface BlockFrame {
  readonly block: AnyOrderBlock;
  readonly parent: BlockFrame | undefined;
}

// Created on the first inAnyOrder call, so that a process that never uses it pays no async-context cost.
let contexts: AsyncLocalStorage<BlockFrame> | undefined;
const openBlocks = new WeakMap<Timeline, Set<AnyOrderBlock>>();

/** The open `inAnyOrder` block of this timeline that the calling code runs inside, if any. */
export function currentAnyOrderBlock(timeline: Timeline): AnyOrderBlock | undefined {
  for (let frame = contexts?.getStore(); frame !== undefined; frame = frame.parent) {
    if (frame.block.timeline === timeline && frame.block.isOpen) return frame.block;
  }
  return undefined;
}

/**
 * Runs `fn` as an `inAnyOrder` block of the timeline: the assertions made from inside it (its async
 * context, not merely while it runs) join one block, which closes when `fn` returns, throws or, when it
 * returns a promise, settles. A block nested in an open one of the same timeline joins it.
 */
export function runInAnyOrder<T>(timeline: Timeline, fn: () => T): T {
  if (currentAnyOrderBlock(timeline) !== undefined) return fn();
  contexts ??= new AsyncLocalStorage<BlockFrame>();
  let siblings = openBlocks.get(timeline);
  if (siblings === undefined) {
    siblings = new Set();
    openBlocks.set(timeline, siblings);
  }
  const block = new AnyOrderBlock(timeline, siblings);
  let result: T;
  try {
    result = contexts.run({ block, parent: contexts.getStore() }, fn);
  } catch (error) {
    block.close();
    throw error;
  }
  if (result instanceof Promise) return result.finally(() => block.close()) as T;
  block.close();
  return result;
}
