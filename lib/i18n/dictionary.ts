import type { Locale } from './config';
import { account } from './dict/account';
import { activity } from './dict/activity';
import { backOffice } from './dict/back-office';
import { card } from './dict/card';
import { cart } from './dict/cart';
import { orders } from './dict/orders';
import { catalog } from './dict/catalog';
import { common } from './dict/common';
import { drive } from './dict/drive';
import { errors } from './dict/errors';
import { integrations } from './dict/integrations';
import { imports } from './dict/imports';
import { messages } from './dict/messages';
import { payments } from './dict/payments';
import { pickup } from './dict/pickup';
import { reservations } from './dict/reservations';
import { returns } from './dict/returns';
import { staff } from './dict/staff';
import { stores } from './dict/stores';
import { till } from './dict/till';
import { wallet } from './dict/wallet';

/**
 * All UI strings, per area. To add an area: create dict/<area>.ts exporting { fr, en } with the
 * same keys, and register it here. The type below makes a key missing in one language a
 * compile error.
 */
const areas = {
  common,
  catalog,
  stores,
  account,
  staff,
  pickup,
  reservations,
  cart,
  drive,
  payments,
  orders,
  card,
  till,
  messages,
  activity,
  returns,
  wallet,
  integrations,
  imports,
  backOffice,
  errors,
} as const;

type Areas = typeof areas;
type Widen<T> = { [K in keyof T]: string };
export type Dictionary = { [A in keyof Areas]: Widen<Areas[A]['fr']> };

// Compile-time check that both languages define the same keys in every area.
type SameKeys<A> = A extends { fr: infer F; en: infer E } ? (keyof F extends keyof E ? (keyof E extends keyof F ? true : never) : never) : never;
const _check: { [A in keyof Areas]: SameKeys<Areas[A]> } = Object.fromEntries(Object.keys(areas).map((k) => [k, true])) as never;
void _check;

export function getDictionary(locale: Locale): Dictionary {
  return Object.fromEntries(Object.entries(areas).map(([area, texts]) => [area, texts[locale]])) as Dictionary;
}
