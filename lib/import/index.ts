import 'server-only';

// The import (docs/import.md): THE way bulk writes enter — the back office's page, the API, the seed.
export { runImport, isImportKind, MAX_REFUSALS, type ImportActor, type ImportInput, type ImportReport } from './run';
export { importRowSchemas, IMPORT_KINDS, type ImportKind, type ImportRow } from './rows';
export type { ImportRefusal } from './messages';
