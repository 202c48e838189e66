import { apiJson, apiRead } from '@/lib/api/http';
import { operations } from '@/lib/api/operations';
import { listReturnChanges } from '@/lib/returns/feed';

/** GET /api/v1/returns?after=<cursor>&limit= — returns booked or changed since the cursor (docs/api.md). */
export const GET = apiRead(operations.listReturns, async ({ query }) => {
  return apiJson(await listReturnChanges(query.after ?? null, query.limit));
});
