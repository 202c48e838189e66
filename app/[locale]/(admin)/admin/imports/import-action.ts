'use server';
import { refresh } from 'next/cache';
import { backOfficeAction, formParser } from '@/lib/actions/builder';
import { refuse, type ActionState } from '@/lib/actions/state';
import { formatMessage, formatNumber } from '@/lib/i18n/format';
import { runImport, type ImportReport } from '@/lib/import';
import { MAX_PICTURE_FILES, MAX_PICTURES_LABEL, MAX_UPLOAD_LABEL, readImportForm, type ImportFormError } from './import-form-input';

export type ImportState = ActionState<{ report: ImportReport; kind: string }>;

/**
 * One file imported by the back office (admins and the catalogue team, the role read from the
 * database): the kind, the file (CSV or JSON, under the upload cap), then runImport in the
 * importer's language.
 * A refused file is an answer, not an error: every refusal comes back for the table, and the
 * refused import is kept in the history.
 */
export const importFileAction = backOfficeAction('imports')
  .form(formParser(readImportForm), (error: ImportFormError, { t, locale }) => {
    const max = error.field === 'pictures' ? (error.key === 'tooManyPictures' ? MAX_PICTURE_FILES : MAX_PICTURES_LABEL[locale]) : MAX_UPLOAD_LABEL[locale];
    const message = formatMessage(t.imports[error.key], { max }, locale);
    return refuse(message, { [error.field]: message });
  })
  .state<ImportState>()
  .run(async ({ input, user, locale, t }) => {
    const body = await input.file.arrayBuffer();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      const message = t.imports.notCsvOrJson;
      return refuse(message, { file: message });
    }
    const report = await runImport({
      kind: input.kind,
      format: input.format,
      body: text,
      actor: { type: 'user', userId: user.id },
      locale,
      fileName: input.file.name,
      pictureFiles: new Map(await Promise.all(input.pictures.map(async (p) => [p.name, new Uint8Array(await p.arrayBuffer())] as const))),
    });
    refresh(); // the history below the form
    const message =
      report.status === 'refused'
        ? formatMessage(t.imports.refused, { count: report.refusals.length }, locale)
        : report.status === 'unchanged'
          ? formatMessage(t.imports.unchanged, { rows: formatNumber(report.rows, locale) }, locale)
          : formatMessage(t.imports.applied, { changed: report.changed, rows: formatNumber(report.rows, locale) }, locale);
    // The file was judged and joined the history: the action did its work (`ok`), the report says
    // whether the file applied. A refusal at the door (`ok: false`) writes nothing at all.
    return { ok: true, message, report, kind: input.kind };
  });
