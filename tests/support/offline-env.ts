/**
 * Runs before every test file (Jest `setupFiles`), before any client exists: whatever a bug lets through,
 * no packet leaves the machine. Static dummy credentials, no instance metadata, no shared config files, and
 * every endpoint pointing at a closed loopback port.
 */
import { offlineEnvironment } from './offline-environment';

Object.assign(process.env, offlineEnvironment());
