import { importRoute } from '@/lib/api/import-route';
import { operations } from '@/lib/api/operations';

/** POST /api/v1/categories — upsert departments, through the import (docs/api.md). */
export const POST = importRoute(operations.importCategories);
