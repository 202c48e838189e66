// Gathers each domain's tables for drizzle-kit and the typed client. Domains own their tables.
export * from '../catalog/schema';
export * from '../stores/schema';
export * from '../inventory/schema';
export * from '../auth/schema';
export * from '../sales/schema';
export * from '../reservations/schema';
export * from '../booking/schema';
export * from '../drive/schema';
export * from '../cart/schema';
export * from '../orders/schema';
export * from '../loyalty/schema';
export * from '../messages/schema';
export * from '../returns/schema';
export * from '../customers/schema';
export * from '../wallet/schema';
export * from '../audit/schema';
