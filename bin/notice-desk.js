#!/usr/bin/env node
// The `notice-desk` command. Node 22.18+ runs the TypeScript sources directly (type stripping);
// an older Node gets one line saying which Node is needed, before anything tries to load a .ts file.
import { requireSupportedNode } from '../scripts/check-node.mjs';

requireSupportedNode();
const { main } = await import('../electron/backend/cli/main.ts');
await main();
