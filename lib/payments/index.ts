import 'server-only';
import { PaymentConfigError } from './errors';
import { AT_PICKUP_PROVIDER_ID, createPayAtPickupProvider } from './pay-at-pickup';
import { createTestProvider, TEST_PROVIDER_ID } from './test-provider';
import { createDatabaseTestProviderStore } from './test-provider-books';
import type { PaymentProvider } from './types';

export * from './errors';
export type * from './types';

/**
 * Providers by id. A real one plugs in from its own module, loaded once at startup (for example
 * from instrumentation.ts):
 *
 *   registerPaymentProvider('stripe', () => createStripeProvider({ secretKey: process.env.STRIPE_SECRET_KEY! }));
 *
 * and PAYMENT_PROVIDER=stripe sends card checkouts to it. Order code only ever asks
 * getPaymentProvider (new payments) and getPaymentProviderById (the id stored in its ledger).
 */
export type PaymentProviderFactory = () => PaymentProvider;

/** The shopper's choice at checkout: a card online, or paying when the order is handed over. */
export type PaymentChoice = 'card' | 'at_pickup';

export const PAYMENT_PROVIDER_ENV = 'PAYMENT_PROVIDER';

type Holder = { factories: Map<string, PaymentProviderFactory>; instances: Map<string, PaymentProvider> };
// On globalThis so a provider registered from instrumentation.ts is seen by route code.
const holder: Holder = ((globalThis as { __comptoirPayments?: Holder }).__comptoirPayments ??= {
  factories: new Map(),
  instances: new Map(),
});

/** Registers (or replaces) a provider; it is built on first use, once per process. */
export function registerPaymentProvider(id: string, factory: PaymentProviderFactory): void {
  if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new PaymentConfigError(`Payment provider id "${id}" must be lower-case letters, digits and underscores.`);
  holder.factories.set(id, factory);
  holder.instances.delete(id);
}

// The test provider keeps its books in its own tables, as a real provider does on its side: a
// restart (or another server of the fleet) can capture what this one authorised.
registerPaymentProvider(TEST_PROVIDER_ID, () => createTestProvider({ store: createDatabaseTestProviderStore() }));
registerPaymentProvider(AT_PICKUP_PROVIDER_ID, createPayAtPickupProvider);

/** The provider that recorded a payment: captures and refunds go back to it whatever the configuration says now. */
export function getPaymentProviderById(id: string): PaymentProvider {
  const cached = holder.instances.get(id);
  if (cached) return cached;
  const factory = holder.factories.get(id);
  if (!factory) throw new PaymentConfigError(`No payment provider "${id}" is registered (known: ${[...holder.factories.keys()].join(', ')}).`);
  const provider = factory();
  if (provider.id !== id) throw new PaymentConfigError(`The payment provider registered as "${id}" calls itself "${provider.id}".`);
  holder.instances.set(id, provider);
  return provider;
}

/** The provider for a new payment: pay at pickup, or the configured card provider (PAYMENT_PROVIDER, default "test"). */
export function getPaymentProvider(choice: PaymentChoice, env: Record<string, string | undefined> = process.env): PaymentProvider {
  if (choice === 'at_pickup') return getPaymentProviderById(AT_PICKUP_PROVIDER_ID);
  const id = env[PAYMENT_PROVIDER_ENV]?.trim() || TEST_PROVIDER_ID;
  if (!holder.factories.has(id)) {
    throw new PaymentConfigError(
      `${PAYMENT_PROVIDER_ENV}="${id}" names no registered payment provider. Use one of: ${[...holder.factories.keys()].filter((k) => k !== AT_PICKUP_PROVIDER_ID).join(', ')}; or unset it for the built-in test provider.`,
    );
  }
  const provider = getPaymentProviderById(id);
  if (!provider.methods.includes('card') && !provider.methods.includes('token')) {
    throw new PaymentConfigError(`${PAYMENT_PROVIDER_ENV}="${id}": this provider cannot take card payments.`);
  }
  return provider;
}

/** Call at startup (instrumentation.ts) so a mistyped PAYMENT_PROVIDER stops the server, not a checkout. */
export function checkPaymentConfig(env: Record<string, string | undefined> = process.env): void {
  getPaymentProvider('card', env);
}
