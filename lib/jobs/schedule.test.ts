import { describe, expect, it } from 'vitest';
import { startJobs } from './schedule';

describe('startJobs', () => {
  it('runs a job repeatedly, never two runs at once, and keeps going after a failure', async () => {
    let runs = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    const errors: unknown[] = [];
    const running = startJobs(
      [
        {
          name: 'slow',
          everyMs: 20,
          run: async () => {
            runs++;
            concurrent++;
            maxConcurrent = Math.max(maxConcurrent, concurrent);
            await new Promise((r) => setTimeout(r, 50));
            concurrent--;
            if (runs === 1) throw new Error('database went away');
          },
        },
      ],
      { error: (...args: unknown[]) => errors.push(args) },
    );
    await new Promise((r) => setTimeout(r, 400));
    running.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxConcurrent).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('waits firstAfterMs before the first run of a job that gives it', async () => {
    const at: number[] = [];
    const started = Date.now();
    const running = startJobs([
      { name: 'soon', everyMs: 1_000, firstAfterMs: 20, run: async () => void at.push(Date.now() - started) },
      { name: 'later', everyMs: 20, firstAfterMs: 60_000, run: async () => void at.push(-1) },
    ]);
    await new Promise((r) => setTimeout(r, 300));
    running.stop();
    expect(at).toHaveLength(1);
    expect(at[0]).toBeLessThan(300);
  });
});
