import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

/**
 * Every child the bench starts is tracked here and killed (its whole process group) when the
 * bench exits, fails or is interrupted: a leftover `next start` would hold a port and a PGlite lock.
 */
const children = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

export function killAll(signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const child of children) killGroup(child, signal);
}

let installed = false;
function installCleanup(): void {
  if (installed) return;
  installed = true;
  process.on('exit', () => killAll('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      // SIGTERM first, so a server releases its PGlite lock; SIGKILL (the exit hook) after 5 s.
      killAll('SIGTERM');
      const deadline = Date.now() + 5_000;
      const wait = setInterval(() => {
        if (children.size === 0 || Date.now() > deadline) {
          clearInterval(wait);
          process.exit(130);
        }
      }, 50);
    });
  }
}

/** Starts a child in its own process group, tracked for cleanup. Output goes to our stderr. */
export function start(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  installCleanup();
  const child = spawn(command, args, {
    cwd: process.cwd(),
    stdio: ['ignore', process.stderr, process.stderr],
    ...options,
    detached: true,
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Stops a child politely, then firmly. */
export async function stop(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Runs a child to completion; rejects on a non-zero exit. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = start(command, args, options);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code ?? signal}`));
    });
  });
}

/** `node --import tsx <script>`: TypeScript scripts without an npx layer in between. */
export function tsxArgs(script: string, ...args: string[]): string[] {
  return ['--import', 'tsx', script, ...args];
}
