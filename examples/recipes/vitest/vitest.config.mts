import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A fresh verifier before each test, verifyAll() after it, and the guard: as with the Jest setup.
    setupFiles: ['ts-tripwire/vitest'],
  },
});
