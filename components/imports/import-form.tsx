'use client';
import { useActionState, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import type { ImportReport } from '@/lib/import/run';
import { RefusalsTable } from './refusals-table';

type State = ActionState<{ report: ImportReport }>;

type Props = {
  action: (prev: State, formData: FormData) => Promise<State>;
  kinds: { value: string; label: string }[];
  maxBytes: number;
  labels: {
    kind: string;
    file: string;
    submit: string;
    submitting: string;
    fileTooLarge: string;
    notCsvOrJson: string;
    line: string;
    column: string;
    problem: string;
  };
};

function Submit({ label, pending: pendingLabel, disabled }: { label: string; pending: string; disabled: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending || disabled} className="btn-primary min-h-12 w-full px-5 sm:min-h-11 sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

/** Kind, file, import: then the outcome, and every refusal by line and column. */
export function ImportForm({ action, kinds, maxBytes, labels }: Props) {
  const [state, formAction] = useActionState(action, initialActionState as State);
  // Checked before sending: a file over the cap would be cut off at the door with no sentence.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const fileError = fileProblem ?? state.fieldErrors?.file;
  const report = state.report;
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4 card p-4 sm:p-5" data-testid="import-form">
        <div className="grid gap-4 sm:grid-cols-[14rem_1fr]">
          <div>
            <label htmlFor="import-kind" className="label">
              {labels.kind}
            </label>
            <select id="import-kind" name="kind" required className="input" defaultValue={kinds[0]?.value}>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="import-file" className="label">
              {labels.file}
            </label>
            <input
              id="import-file"
              name="file"
              type="file"
              required
              accept=".csv,.json,text/csv,application/json"
              aria-invalid={fileError ? true : undefined}
              aria-describedby="import-file-error"
              className="input py-2 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:text-sm file:font-medium file:text-brand-700"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                setFileProblem(!file ? null : file.size > maxBytes ? labels.fileTooLarge : /\.(csv|txt|json)$/i.test(file.name) ? null : labels.notCsvOrJson);
              }}
            />
            <p id="import-file-error" className="field-error mt-1 empty:hidden">
              {fileError}
            </p>
          </div>
        </div>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Submit label={labels.submit} pending={labels.submitting} disabled={fileProblem !== null} />
          <p
            role="status"
            aria-live="polite"
            data-testid="import-outcome"
            className={`text-sm font-medium empty:hidden ${!state.ok || report?.status === 'refused' ? 'text-out' : report?.status === 'unchanged' ? 'text-muted' : 'text-ok'}`}
          >
            {state.fieldErrors?.file ? '' : state.message}
          </p>
        </div>
      </form>
      {report && report.refusals.length > 0 ? (
        <RefusalsTable refusals={report.refusals} labels={{ line: labels.line, column: labels.column, problem: labels.problem }} />
      ) : null}
    </div>
  );
}
