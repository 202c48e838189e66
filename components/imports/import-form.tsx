'use client';
import { startTransition, useActionState, useState } from 'react';
import { initialActionState, type ActionState } from '@/lib/actions/state';
import type { ImportReport } from '@/lib/import/run';
import { RefusalsTable } from './refusals-table';

type State = ActionState<{ report: ImportReport; kind: string }>;

type Props = {
  action: (prev: State, formData: FormData) => Promise<State>;
  kinds: { value: string; label: string }[];
  maxBytes: number;
  /** The pictures sent with a pictures file: all of them together at most this. */
  maxPictureBytes: number;
  labels: {
    kind: string;
    file: string;
    pictures: string;
    picturesHint: string;
    picturesTooLarge: string;
    submit: string;
    submitting: string;
    fileTooLarge: string;
    notCsvOrJson: string;
    line: string;
    column: string;
    problem: string;
  };
};

function Submit({ label, pendingLabel, pending, disabled }: { label: string; pendingLabel: string; pending: boolean; disabled: boolean }) {
  return (
    <button type="submit" disabled={pending || disabled} className="btn-primary min-h-12 w-full px-5 sm:min-h-11 sm:w-auto">
      {pending ? pendingLabel : label}
    </button>
  );
}

/** Kind, file, import: then the outcome, and every refusal by line and column. */
export function ImportForm({ action, kinds, maxBytes, maxPictureBytes, labels }: Props) {
  const [state, formAction, pending] = useActionState(action, initialActionState as State);
  // Checked before sending: a file over the cap would be cut off at the door with no sentence.
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  // The kind last imported (also after a post without JavaScript): the next file is often the same, fixed.
  const [kind, setKind] = useState(state.kind ?? kinds[0]?.value ?? '');
  const fileError = fileProblem ?? state.fieldErrors?.file;
  const [picturesProblem, setPicturesProblem] = useState<string | null>(null);
  const picturesError = picturesProblem ?? state.fieldErrors?.pictures;
  const report = state.report;
  return (
    <div className="space-y-4">
      <form
        action={formAction}
        // Sent by hand so React does not reset the form after the action (a reset also puts a
        // controlled select back): the kind and the file stay chosen, as the next file is often the
        // same one, fixed. Without JavaScript, `action` posts the form and the answer names the kind.
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4 card p-4 sm:p-5"
        data-testid="import-form"
      >
        <div className="grid gap-4 sm:grid-cols-[14rem_1fr]">
          <div>
            <label htmlFor="import-kind" className="label">
              {labels.kind}
            </label>
            <select id="import-kind" name="kind" required className="input" value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
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
        {kind === 'pictures' && (
          <div>
            <label htmlFor="import-pictures" className="label">
              {labels.pictures}
            </label>
            <input
              id="import-pictures"
              name="pictures"
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp"
              aria-invalid={picturesError ? true : undefined}
              aria-describedby="import-pictures-hint"
              className="input py-2 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-1 file:text-sm file:font-medium file:text-brand-700"
              onChange={(e) => {
                const total = [...(e.currentTarget.files ?? [])].reduce((sum, f) => sum + f.size, 0);
                setPicturesProblem(total > maxPictureBytes ? labels.picturesTooLarge : null);
              }}
            />
            <p id="import-pictures-hint" className={picturesError ? 'field-error mt-1' : 'mt-1 text-sm text-muted'}>
              {picturesError ?? labels.picturesHint}
            </p>
          </div>
        )}
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Submit
            label={labels.submit}
            pendingLabel={labels.submitting}
            pending={pending}
            disabled={fileProblem !== null || (kind === 'pictures' && picturesProblem !== null)}
          />
          <p
            role="status"
            aria-live="polite"
            data-testid="import-outcome"
            className={`text-sm font-medium empty:hidden ${!state.ok || report?.status === 'refused' ? 'text-out' : report?.status === 'unchanged' ? 'text-muted' : 'text-ok'}`}
          >
            {state.fieldErrors?.file || state.fieldErrors?.pictures ? '' : state.message}
          </p>
        </div>
      </form>
      {report && report.refusals.length > 0 ? (
        <RefusalsTable refusals={report.refusals} labels={{ line: labels.line, column: labels.column, problem: labels.problem }} />
      ) : null}
    </div>
  );
}
