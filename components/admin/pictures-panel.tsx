'use client';
import { useActionState, useState } from 'react';
import { interpolate } from '@/lib/i18n/format';
import { PICTURE_MAX_BYTES, PICTURE_TYPES } from '@/lib/media/limits';
import { FormMessage } from './field';
import { SubmitButton } from './submit-button';

type State = { ok: boolean; message: string; fieldErrors?: Record<string, string | undefined> };
type Action = (prev: State, formData: FormData) => Promise<State>;
type Labels = Record<'file' | 'upload' | 'uploading' | 'tooLarge' | 'moveUp' | 'moveDown' | 'remove' | 'none' | 'number' | 'saving', string>;

/** A product's pictures in order (the first is the main one): move, remove, and add one. */
export function PicturesPanel({
  productId,
  version,
  images,
  actions,
  labels,
}: {
  productId: number;
  version: number;
  images: string[];
  actions: { upload: Action; move: Action; remove: Action };
  labels: Labels;
}) {
  const [moved, move] = useActionState(actions.move, { ok: false, message: '' });
  const [removed, remove] = useActionState(actions.remove, { ok: false, message: '' });
  const [uploaded, upload] = useActionState(actions.upload, { ok: false, message: '' });
  const [tooLarge, setTooLarge] = useState(false);
  const uploadError = tooLarge ? interpolate(labels.tooLarge, { max: PICTURE_MAX_BYTES / 1024 / 1024 }) : uploaded.fieldErrors?.picture;
  const ids = { productId, version };
  return (
    <div className="space-y-4">
      {images.length === 0 ? (
        <p className="text-sm text-muted">{labels.none}</p>
      ) : (
        <ol className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-6" data-testid="admin-pictures">
          {images.map((src, i) => {
            const name = interpolate(labels.number, { n: i + 1 });
            return (
              <li key={src} className="overflow-hidden card">
                {/* eslint-disable-next-line @next/next/no-img-element -- the shop's own pictures, thumbnails */}
                <img src={src} alt={name} className="aspect-square w-full bg-paper object-cover" loading="lazy" />
                <div className="flex items-center justify-between gap-1 p-1">
                  {(
                    [
                      ['up', '↑', labels.moveUp, i === 0],
                      ['down', '↓', labels.moveDown, i === images.length - 1],
                    ] as const
                  ).map(([direction, arrow, label, disabled]) => (
                    <form key={direction} action={move}>
                      <input type="hidden" name="productId" value={ids.productId} />
                      <input type="hidden" name="version" value={ids.version} />
                      <input type="hidden" name="index" value={i} />
                      <input type="hidden" name="direction" value={direction} />
                      <button type="submit" disabled={disabled} aria-label={`${label}: ${name}`} className="btn min-h-11 px-3 hover:bg-brand-50">
                        <span aria-hidden>{arrow}</span>
                      </button>
                    </form>
                  ))}
                  <form action={remove}>
                    <input type="hidden" name="productId" value={ids.productId} />
                    <input type="hidden" name="version" value={ids.version} />
                    <input type="hidden" name="index" value={i} />
                    <button type="submit" aria-label={`${labels.remove}: ${name}`} className="btn min-h-11 px-2 text-out hover:bg-out/5">
                      {labels.remove}
                    </button>
                  </form>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <FormMessage ok={(removed.message ? removed : moved).ok} message={(removed.message ? removed : moved).message} />
      <form
        action={upload}
        onSubmit={(e) => {
          const file = (e.currentTarget.elements.namedItem('picture') as HTMLInputElement | null)?.files?.[0];
          const over = file !== undefined && file.size > PICTURE_MAX_BYTES;
          setTooLarge(over);
          if (over) e.preventDefault(); // never sent: the server would refuse the body before reading it
        }}
        className="space-y-2"
        data-testid="admin-picture-upload"
      >
        <input type="hidden" name="productId" value={productId} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor="picture" className="label">
          {labels.file}
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id="picture"
            name="picture"
            type="file"
            accept={PICTURE_TYPES.join(',')}
            required
            aria-invalid={uploadError ? true : undefined}
            aria-describedby={uploadError ? 'picture-error' : undefined}
            className="block min-w-0 flex-1 text-sm file:mr-3 file:btn-secondary sm:flex-none"
          />
          <SubmitButton label={labels.upload} pending={labels.uploading} className="btn-primary" />
        </div>
        {uploadError ? (
          <p id="picture-error" className="field-error">
            {uploadError}
          </p>
        ) : (
          <FormMessage ok={uploaded.ok} message={uploaded.message} testId="admin-picture-message" />
        )}
      </form>
    </div>
  );
}
