#!/usr/bin/env node
/**
 * Empties dist/ before `npm run build`, so that the package never ships an output whose source is gone
 * (a renamed module, or source maps from an older build configuration): `tsc` adds and overwrites files but
 * never deletes any.
 */
const fs = require('node:fs');
const path = require('node:path');

fs.rmSync(path.resolve(__dirname, '..', 'dist'), { recursive: true, force: true });
