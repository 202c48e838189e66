import type { Parsed } from '@/lib/actions/builder';
import { IMPORT_KINDS, type ImportKind } from '@/lib/import/rows';

/**
 * The import form's fields: the kind, and one file, .csv or .json, at most MAX_UPLOAD_BYTES. Server
 * actions take bodies of 1 MB (lib/http/action-request.ts, Next's own limit): a larger file goes
 * through the API, or split in several. Plain code (not an action module): read by the action and the form.
 */
export const MAX_UPLOAD_BYTES = 900 * 1024;
export const MAX_UPLOAD_LABEL = { fr: '900 Ko', en: '900 KB' } as const;

export type ImportFormInput = { kind: ImportKind; format: 'csv' | 'json'; file: File };
export type ImportFormError = {
  field: 'kind' | 'file';
  key: 'invalid' | 'noFile' | 'fileTooLarge' | 'notCsvOrJson';
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
  return { success: true, data: { kind: kind as ImportKind, format, file } };
}
