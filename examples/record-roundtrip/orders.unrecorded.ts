// What you write first: the test without a single mock or assertion. `TRIPWIRE_RECORD=1 npx jest` runs it
// against the real endpoints once and prints the strict version (orders.test.ts). Run as it is, it fails.
import { expect, test } from '@jest/globals';
import { tripwire } from 'ts-tripwire';
import { archiveOrder, orderClients } from './orders';

// #region unrecorded
test('archives an order', async () => {
  const key = await tripwire.run(() => archiveOrder(orderClients(), 'o-1001'));

  expect(key).toBe('archive/o-1001.json');
});
// #endregion unrecorded
