import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** A WebAssembly module of one function, add(x) = x + 1. */
const MODULE = [
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 6, 1, 0x60, 1, 0x7f, 1, 0x7f, 3, 2, 1, 0, 7, 7, 1, 3, 0x61, 0x64, 0x64, 0, 0, 0x0a, 9, 1, 7, 0, 0x20, 0, 0x41, 1, 0x6a,
  0x0b,
];

/** Runs add() once in a fresh Node.js process (after compileWasmAtFirstUse when `flagged`) and returns V8's compile trace. */
function compileTrace(flagged: boolean): string {
  const modulePath = path.join(__dirname, 'wasm-tiering.ts');
  const script = `(async () => {
    const { compileWasmAtFirstUse } = require(${JSON.stringify(modulePath)});
    if (${flagged}) compileWasmAtFirstUse();
    const { instance } = await WebAssembly.instantiate(Uint8Array.from(${JSON.stringify(MODULE)}));
    if (instance.exports.add(41) !== 42) process.exit(3);
    await new Promise((r) => setTimeout(r, 500)); // the optimising compile runs on a background thread
  })()`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--trace-wasm-compilation-times', '-e', script], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.status, child.stderr).toBe(0);
  return child.stdout;
}

describe('compileWasmAtFirstUse', () => {
  // A server must not tier PGlite's functions up while it idles (BENCHMARKS.md, "Idle, stop 30"):
  // a function is optimised at its first call, not after it has run long enough to count as hot.
  it('optimises a WebAssembly function at its first call', () => {
    expect(compileTrace(true)).toMatch(/using TurboFan/);
  });

  it("is not V8's default (the default waits until the function is hot)", () => {
    const trace = compileTrace(false);
    expect(trace).toMatch(/using Liftoff/);
    expect(trace).not.toMatch(/using TurboFan/);
  });
});
