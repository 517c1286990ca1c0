import { describe, expect, test } from '@jest/globals';
import { patch } from '../../src/util/patch';

describe('patch', () => {
  test('replaces the property with what make builds from the original, and undoes exactly', () => {
    const owner = { greet: (name: string) => `hello ${name}` };
    const original = owner.greet;
    const undo = patch(owner, 'greet', (before) => (name) => before(name).toUpperCase());
    expect(owner.greet('ann')).toBe('HELLO ANN');
    undo();
    expect(owner.greet).toBe(original);
  });

  test('an inherited property is patched as an own one and deleted again, so the prototype shows through', () => {
    class Base {
      send(): string {
        return 'base';
      }
    }
    const instance = new Base();
    const undo = patch(instance, 'send', () => () => 'patched');
    expect(Object.hasOwn(instance, 'send')).toBe(true);
    expect(instance.send()).toBe('patched');
    undo();
    expect(Object.hasOwn(instance, 'send')).toBe(false);
    expect(instance.send()).toBe('base');
  });

  test('undo leaves a later patch by someone else in place, and a second undo does nothing', () => {
    const owner = { value: 1 };
    const undo = patch(owner, 'value', () => 2);
    owner.value = 3;
    undo();
    expect(owner.value).toBe(3);
    owner.value = 2;
    undo();
    expect(owner.value).toBe(2);
  });

  test('patches stack and unwind in reverse order', () => {
    const owner = { value: 'a' };
    const undoFirst = patch(owner, 'value', (before) => `${before}b`);
    const undoSecond = patch(owner, 'value', (before) => `${before}c`);
    expect(owner.value).toBe('abc');
    undoSecond();
    expect(owner.value).toBe('ab');
    undoFirst();
    expect(owner.value).toBe('a');
  });
});
