'use client';
import { useState } from 'react';

/** A secret shown once, right after it was made: selectable, with a copy button. */
export function SecretReveal({ label, secret, copy, copied, testId }: { label: string; secret: string; copy: string; copied: string; testId: string }) {
  const [done, setDone] = useState(false);
  return (
    <div className="mt-3 rounded-lg border border-ok/40 bg-white p-3">
      <label htmlFor={testId} className="label">
        {label}
      </label>
      <div className="flex gap-2">
        <input id={testId} readOnly value={secret} data-testid={testId} onFocus={(e) => e.currentTarget.select()} className="input min-w-0 font-mono text-sm" />
        <button
          type="button"
          className="btn-secondary shrink-0"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setDone(true));
          }}
        >
          {done ? copied : copy}
        </button>
      </div>
    </div>
  );
}
