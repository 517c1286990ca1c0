import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@jest/globals';

/** The plugin's own modules: what a third party would publish. */
const PLUGIN_FILES = ['kv-plugin.ts', 'kv-interception.ts', 'kv-messages.ts', 'key-value-client.ts'];

test('the plugin is written against ts-tripwire/plugin alone', () => {
  const imported = PLUGIN_FILES.flatMap((file) =>
    [...readFileSync(join(__dirname, file), 'utf8').matchAll(/from '([^']+)'/g)].map(([, source]) => source),
  );
  const outside = imported.filter((source) => !source?.startsWith('./'));
  expect(new Set(outside)).toEqual(new Set(['ts-tripwire/plugin']));
});
