/** What the till's server actions hand the screen (plain data, no Dates). */
export type TillCustomer = {
  id: number;
  name: string;
  email: string;
  /** Null until the customer joins the loyalty programme. */
  cardNumber: string | null;
  tier: string | null;
  balance: number | null;
};

export type TillItem = {
  skuId: number;
  name: string;
  variant: string;
  ean: string;
  priceCents: number;
  /** Units free on this shop's shelf; null when the shop does not sell it. */
  available: number | null;
};

export type TillLine = TillItem & { quantity: number };

export type Refusal = { ok: false; message: string };

export type FindCustomerResult = { ok: true; customer: TillCustomer } | Refusal;
export type FindItemResult = { ok: true; items: TillItem[]; exact: boolean } | Refusal;
export type CompleteSaleResult = { ok: true; saleId: number } | (Refusal & { skuId?: number });
export type OrderElsewhereResult = { ok: boolean; message: string };

export type ElsewhereStore = { storeId: number; name: string; town: string; distanceKm: number | null; available: number; clickReserve: boolean };
export type ElsewhereResult = { ok: true; stores: ElsewhereStore[]; webAvailable: number } | Refusal;
