#!/usr/bin/env node
// Ruche runs its TypeScript sources directly through tsx: no build step between clone and start.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
