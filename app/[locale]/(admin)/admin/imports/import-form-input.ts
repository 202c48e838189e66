import type { Parsed } from '@/lib/actions/builder';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/rows';

/**
 * The import form's fields: the kind, and one file, .csv or .json, at most MAX_UPLOAD_BYTES. Server
 * actions take bodies of 1 MB (lib/http/action-request.ts, Next's own limit): a larger file goes
 * through the API, or split in several. Plain code (not an action module): read by the action and the form.
 */
export const MAX_UPLOAD_BYTES = 900 * 1024;
export const MAX_UPLOAD_LABEL = { fr: '900 Ko', en: '900 KB' } as const;

/**
 * A pictures file may come with the pictures it names (photo.jpg in its url column): at most this
 * many, this much in all — the back office's imports page takes bodies of 9 MB, as the product page
 * does for an upload (lib/http/action-request.ts actionBodyLimit).
 */
export const MAX_PICTURE_FILES = 20;
export const MAX_PICTURES_BYTES = 8 * 1024 * 1024;
export const MAX_PICTURES_LABEL = { fr: '8 Mo', en: '8 MB' } as const;

export type ImportFormInput = { kind: ImportKind; format: 'csv' | 'json'; file: File; pictures: File[] };
export type ImportFormError = {
  field: 'kind' | 'file' | 'pictures';
  key: 'invalid' | 'noFile' | 'fileTooLarge' | 'notCsvOrJson' | 'picturesTooLarge' | 'tooManyPictures';
};

export function formatOfFile(name: string): 'csv' | 'json' | null {
  return /\.json$/i.test(name) ? 'json' : /\.(csv|txt)$/i.test(name) ? 'csv' : null;
}

export function readImportForm(formData: FormData): Parsed<ImportFormInput, ImportFormError> {
  if (!(formData instanceof FormData)) return { success: false, error: { field: 'kind', key: 'invalid' } };
  const kind = formData.get('kind');
  const file = formData.get('file');
  if (typeof kind !== 'string' || !(IMPORT_KINDS as readonly string[]).includes(kind)) return { success: false, error: { field: 'kind', key: 'invalid' } };
  if (!(file instanceof File) || file.size === 0) return { success: false, error: { field: 'file', key: 'noFile' } };
  if (file.size > MAX_UPLOAD_BYTES) return { success: false, error: { field: 'file', key: 'fileTooLarge' } };
  const format = formatOfFile(file.name);
  if (!format) return { success: false, error: { field: 'file', key: 'notCsvOrJson' } };
  // The pictures field is the pictures kind's; an empty file input sends one empty file.
  const pictures = kind === 'pictures' ? formData.getAll('pictures').filter((p): p is File => p instanceof File && p.size > 0) : [];
  if (pictures.length > MAX_PICTURE_FILES) return { success: false, error: { field: 'pictures', key: 'tooManyPictures' } };
  if (pictures.reduce((sum, p) => sum + p.size, 0) > MAX_PICTURES_BYTES) return { success: false, error: { field: 'pictures', key: 'picturesTooLarge' } };
  return { success: true, data: { kind: kind as ImportKind, format, file, pictures } };
}
