import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { CannedServer } from './canned-server';

/** Puts an environment variable back as it was: `undefined` means it was not set. */
export function restoreEnv(name: string, saved: string | undefined): void {
  if (saved === undefined) delete process.env[name];
  else process.env[name] = saved;
}

/** Lets the file's tests record whatever CI says (they record on purpose), and restores the switch after. */
export function allowRecordingOnCi(): void {
  const saved = process.env.TRIPWIRE_RECORD_ALLOW_CI;
  beforeAll(() => {
    process.env.TRIPWIRE_RECORD_ALLOW_CI = '1';
  });
  afterAll(() => restoreEnv('TRIPWIRE_RECORD_ALLOW_CI', saved));
}

/**
 * Runs the canned server for the file's tests, which record against it, with its request log emptied before
 * each test. Returns the server's endpoint, known once the file's tests run.
 */
export function recordAgainst(server: CannedServer): () => string {
  let endpoint: string | undefined;
  allowRecordingOnCi();
  beforeAll(async () => {
    endpoint = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
  });
  return () => {
    if (endpoint === undefined) throw new Error('the canned server is started in beforeAll');
    return endpoint;
  };
}
