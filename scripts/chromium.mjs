// Debian's chromium as the browser tests and benchmarks drive it (through playwright-core): where
// it is, and the flags that keep a headless run quiet and off the network.

import { execFileSync } from 'node:child_process';

function which(cmd) {
  try {
    return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The chromium executable ($CHROMIUM, else chromium or chromium-browser on the PATH), or null. */
export const CHROMIUM = process.env.CHROMIUM || which('chromium') || which('chromium-browser');

/** Launch flags: no sandbox (root in CI), no GPU, and no background traffic of its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
