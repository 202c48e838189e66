import { apiJson, apiRead } from '@/lib/api/http';
import { openApiDocument } from '@/lib/api/openapi';
import { operations } from '@/lib/api/operations';

/** GET /api/v1/openapi.json — the API's description, generated from the schemas that validate it. Public. */
export const GET = apiRead(operations.openapi, async () => apiJson(openApiDocument(), 200, { 'Cache-Control': 'public, max-age=300' }));
