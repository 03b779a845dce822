#!/usr/bin/env node
// The `notice-desk` command. Node 22.18+ runs the TypeScript sources directly (type stripping).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `notice-desk needs Node.js 22.18 or newer (24 LTS recommended); this is ${process.version}.\n`,
  );
  process.exit(2);
}
const { main } = await import('../electron/backend/cli/main.ts');
await main();
