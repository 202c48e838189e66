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

  it('runs a once-per-fleet job only on the ticks where this server takes the turn', async () => {
    let runs = 0;
    const asked: string[] = [];
    let turn = 0;
    const running = startJobs(
      [{ name: 'sweep', everyMs: 20, firstAfterMs: 0, oncePerFleet: true, run: async () => void runs++ }],
      console,
      async (name, everyMs) => {
        asked.push(`${name}/${everyMs}`);
        return turn++ % 3 === 0; // another server takes two turns out of three
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    running.stop();
    expect(asked.length).toBeGreaterThanOrEqual(6);
    expect(asked[0]).toBe('sweep/20');
    expect(runs).toBe(Math.ceil(asked.length / 3));
  });

  it('a once-per-fleet job without a way to claim its turn never runs (said in the log)', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const running = startJobs([{ name: 'sweep', everyMs: 1_000, firstAfterMs: 0, oncePerFleet: true, run: async () => void runs++ }], {
      error: (...args: unknown[]) => errors.push(args),
    });
    await new Promise((r) => setTimeout(r, 100));
    running.stop();
    expect(runs).toBe(0);
    expect(String(errors[0])).toContain('needs a claim');
  });
});
