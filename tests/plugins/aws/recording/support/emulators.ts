/**
 * Local emulators for record-mode tests, on 127.0.0.1 with ports the system picks: dynalite (DynamoDB) and
 * s3rver (S3). Each suite starts its own in beforeAll and stops it in afterAll.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type DynaliteFactory = (options: { createTableMs: number }) => Server;

export interface Emulator {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startDynalite(): Promise<Emulator> {
  const dynalite = require('dynalite') as DynaliteFactory;
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * s3rver in a child process with OpenSSL's legacy provider (see s3rver-child.js), killed by `stop`.
 */
export async function startS3rver(): Promise<Emulator> {
  const directory = mkdtempSync(join(tmpdir(), 'tripwire-s3rver-'));
  const child = spawn(
    process.execPath,
    ['--openssl-legacy-provider', join(__dirname, 's3rver-child.js'), directory],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code} before it listened`)));
    child.stdout.once('data', (data: Buffer) =>
      resolve((JSON.parse(data.toString()) as { port: number }).port),
    );
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Credentials the emulators accept: s3rver checks its fixed pair, dynalite any. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
