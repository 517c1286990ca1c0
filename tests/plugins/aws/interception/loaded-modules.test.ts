/**
 * The scan of the loaded modules that finds the SDK's base-client copies: which modules it returns, and when
 * it reuses its last answer (same number of modules, every match still the loaded one) or reads them again.
 */
import { join } from 'node:path';
import { describe, expect, jest, test } from '@jest/globals';
import { loadedModulesMatching } from '../../../../src/plugins/aws/interception/loaded-modules';

const FIXTURES = join(__dirname, '../../../fixtures/loaded-modules');
const IN_FIXTURES = /[\\/]fixtures[\\/]loaded-modules[\\/]/;

const fileOf = (name: string) => join(FIXTURES, `${name}.js`);

/** The exports of the one fixture module found. */
function exportsFound(): unknown {
  const found = loadedModulesMatching(IN_FIXTURES);
  expect(found.map(([path]) => path)).toEqual([fileOf('object-exports')]);
  return found[0]?.[1];
}

describe('loadedModulesMatching', () => {
  test('returns the matching modules whose exports are an object or a function, with their exports', () => {
    const object = require(fileOf('object-exports'));
    const fn = require(fileOf('function-exports'));
    require(fileOf('null-exports'));
    require(fileOf('number-exports'));

    expect(loadedModulesMatching(IN_FIXTURES)).toEqual([
      [fileOf('object-exports'), object],
      [fileOf('function-exports'), fn],
    ]);
  });

  test('gives the same answer while nothing was loaded, and reads the registry again when something was', () => {
    jest.resetModules();
    const first = loadedModulesMatching(IN_FIXTURES);
    expect(first).toEqual([]);
    expect(loadedModulesMatching(IN_FIXTURES)).toBe(first);

    const object = require(fileOf('object-exports'));
    const second = loadedModulesMatching(IN_FIXTURES);
    expect(second).toEqual([[fileOf('object-exports'), object]]);
    expect(loadedModulesMatching(IN_FIXTURES)).toBe(second);
  });

  test('reads the registry again when a module found is no longer the loaded one, though as many are loaded', () => {
    jest.resetModules();
    const before = require(fileOf('object-exports'));
    expect(exportsFound()).toBe(before);

    jest.resetModules();
    const after = require(fileOf('object-exports'));
    expect(after).not.toBe(before);
    expect(exportsFound()).toBe(after);
  });
});
