import v8 from 'node:v8';

/** The V8 flag a server process sets before it compiles PGlite's WebAssembly (docs/deploying.md). */
export const WASM_TIERING_FLAG = '--no-wasm-dynamic-tiering';

/**
 * Makes V8 compile each WebAssembly function with its optimising compiler (TurboFan) as soon as the
 * function is first called, instead of when it has run enough to count as hot ("dynamic tiering").
 * A long-lived server then pays each compile while it starts and serves its first pages, not at a
 * random moment later: with dynamic tiering an idle PGlite server kept compiling the PostgreSQL
 * functions that its scheduled jobs had slowly made hot, up to about a second of CPU for a large one
 * (BENCHMARKS.md, "Idle, stop 30"). Queries run TurboFan's code from their first use, too.
 *
 * V8 reads the flag when it compiles a module, so it must be set before the first `PGlite.create`
 * of the process. Only a server process does this (instrumentation.ts): short-lived processes (a
 * test worker, a seed) would compile for nothing. Node.js refuses this flag in NODE_OPTIONS, hence
 * setting it here. Does nothing on PostgreSQL, which runs no WebAssembly.
 */
export function compileWasmAtFirstUse(): void {
  v8.setFlagsFromString(WASM_TIERING_FLAG);
}
