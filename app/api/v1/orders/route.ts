import { apiJson, apiRead } from '@/lib/api/http';
import { operations } from '@/lib/api/operations';
import { listOrderChanges } from '@/lib/orders/feed';

/** GET /api/v1/orders?after=<cursor>&limit= — orders placed or changed since the cursor (docs/api.md). */
export const GET = apiRead(operations.listOrders, async ({ query }) => {
  return apiJson(await listOrderChanges(query.after ?? null, query.limit));
});
