/**
 * A whole-number setting read from the environment: `fallback` when unset or empty, else refused
 * with a message naming the variable and its bounds (the domains' config.ts read their settings
 * through it, so a mistyped value stops the server instead of a checkout an hour later).
 */
export function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}
