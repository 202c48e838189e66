/**
 * '{1,2,3}': a list of whole numbers as one bound parameter, the same on node-postgres and PGlite
 * (`${intArray(ids)}::int[]`, unnest(…) for several columns at once): one statement, whatever the
 * list's length, where IN (…) would need one parameter per value.
 */
export function intArray(values: readonly number[]): string {
  return `{${values.map((v) => Math.trunc(v)).join(',')}}`;
}
