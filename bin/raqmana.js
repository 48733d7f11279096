#!/usr/bin/env node
// `raqmana` command line: runs src/cli.ts through tsx (TypeScript without a build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
