/** Every refusal of an import, by line and column: what to fix in the file. UI only. */
export type RefusalRow = { line: number; column: string | null; message: string };

export function RefusalsTable({ refusals, labels }: { refusals: RefusalRow[]; labels: { line: string; column: string; problem: string; caption?: string } }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line">
      <table className="w-full text-left text-sm" data-testid="import-refusals">
        {labels.caption ? <caption className="sr-only">{labels.caption}</caption> : null}
        <thead className="bg-paper text-xs text-muted uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 text-right whitespace-nowrap">
              {labels.line}
            </th>
            <th scope="col" className="px-3 py-2 whitespace-nowrap">
              {labels.column}
            </th>
            <th scope="col" className="px-3 py-2">
              {labels.problem}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {refusals.map((r, i) => (
            <tr key={i} className="align-top">
              <td className="px-3 py-2 text-right tabular-nums">{r.line > 0 ? r.line : '—'}</td>
              <td className="px-3 py-2 font-mono text-xs break-all">{r.column ?? '—'}</td>
              <td className="px-3 py-2">{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
