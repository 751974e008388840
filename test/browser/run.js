#!/usr/bin/env node
// `npm test` runs the browser tests when Debian's Chromium is installed, and otherwise says so in one line.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log(`Browser tests skipped: ${chromium} not found (install it with: sudo apt-get install -y chromium).`);
  process.exit(0);
}
const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--selectProjects', 'browser', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
