import { envInt } from '@/lib/env-int';

/** Requests per key per minute (API_RATE_LIMIT_PER_MINUTE, default 600). */
export const apiRateLimit = () => envInt('API_RATE_LIMIT_PER_MINUTE', 600, 1, 1_000_000);

/** The largest JSON body a write takes (a bulk upsert of a few thousand rows). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Rows per write: a larger batch is several requests (the import page takes whole files). */
export const MAX_ROWS = 5_000;

/** Items per page of a feed, at most, and when `limit` is not given. */
export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 100;
