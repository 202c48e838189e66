import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth';
import { refuseCrossOrigin } from '@/lib/http/cross-origin';

export const { GET } = handlers;

/** Sign-in, sign-out and the session update: only from a page of this site (lib/http/cross-origin.ts). */
export async function POST(request: NextRequest) {
  return refuseCrossOrigin(request) ?? handlers.POST(request);
}
