/**
 * Figures go to stdout, one JSON line each; everything else goes to stderr. `extra` holds a
 * figure's side readings (e.g. a Lighthouse run's other category scores), flattened into its line
 * after the four fixed fields.
 */
export type Figure = {
  figure: string;
  value: number;
  unit: string;
  goal: string;
  /** Whether the goal is met, for figures whose goal is a number (absent: no goal, or a floor). */
  met?: boolean;
  extra?: Record<string, number | string | boolean>;
};

export function emit({ extra, ...figure }: Figure): void {
  process.stdout.write(`${JSON.stringify({ ...figure, ...extra })}\n`);
}

export function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs `fn`, logging how long it took. */
export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  log(`${label}…`);
  const result = await fn();
  log(`${label}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}
