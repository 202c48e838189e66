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
});
