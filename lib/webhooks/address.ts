import 'server-only';
import { checkPublicHost } from '@/lib/http/public-address';

/*
 * Where the server may post a webhook: an http(s) address whose host resolves only to public
 * addresses (lib/http/public-address.ts), so an admin's form cannot make the delivery job post into
 * the servers' own network (the cloud's metadata service, a database's HTTP port, a neighbour).
 * Checked when the endpoint is registered and again before every delivery, since a name's
 * addresses can change after it was accepted. WEBHOOK_ALLOW_PRIVATE=1 lifts the rule (an ERP on
 * the company network; the tests' and journeys' local receivers).
 */

export type WebhookAddressCheck = 'public' | 'private' | 'unresolved' | 'scheme';

export async function checkWebhookAddress(address: string): Promise<WebhookAddressCheck> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'scheme';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
  return checkPublicHost(url, process.env.WEBHOOK_ALLOW_PRIVATE === '1');
}
