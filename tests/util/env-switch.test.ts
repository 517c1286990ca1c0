import { describe, expect, test } from '@jest/globals';
import { envSwitch } from '../../src/util/env-switch';

describe('envSwitch', () => {
  test('is off when unset, empty, 0 or false in any case, spaces ignored', () => {
    for (const value of [undefined, '', '  ', '0', ' 0 ', 'false', 'FALSE', ' False ']) {
      expect(envSwitch('SWITCH', { SWITCH: value })).toBeUndefined();
    }
  });

  test('is on with any other value, given back trimmed', () => {
    expect(envSwitch('SWITCH', { SWITCH: '1' })).toBe('1');
    expect(envSwitch('SWITCH', { SWITCH: ' write ' })).toBe('write');
    expect(envSwitch('SWITCH', { SWITCH: 'true' })).toBe('true');
    expect(envSwitch('SWITCH', { OTHER: '1' })).toBeUndefined();
  });
});
