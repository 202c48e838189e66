import type { ActionResult } from '@/lib/actions/state';

/** What the till's server actions hand the screen (plain data, no Dates). */
export type TillCustomer = {
  id: number;
  name: string;
  email: string;
  /**
   * The card's number when the card itself was scanned or typed; null when the customer was found
   * by email (see `cardEnding`) or has no card.
   */
  cardNumber: string | null;
  /** The card's last four digits, for a member found by email; null otherwise. */
  cardEnding: string | null;
  /** How the till found them: points are redeemed on a presented card only. */
  identifiedBy: 'card' | 'email';
  /** The server's sealed word for who this is (lib/sales/customer-pass.ts): the sale acts on it. */
  pass: string;
  tier: string | null;
  balance: number | null;
  /** Their store credit, when their card was scanned (spent only then: lib/wallet/pay.ts); null otherwise. */
  storeCreditCents: number | null;
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

/** What the till's actions answer: their data, or a refusal (lib/actions/state.ts). */
export type FindCustomerResult = ActionResult<{ customer: TillCustomer }>;
export type FindItemResult = ActionResult<{ items: TillItem[]; exact: boolean }>;
/** A refused line names its SKU, so the ticket marks it. */
export type CompleteSaleResult = ActionResult<{ saleId: number }, { skuId: number }>;
/** A gift card sold at the till: its sale (the receipt shows the code). */
export type SellGiftCardResult = ActionResult<{ saleId: number }>;
export type OrderElsewhereResult = ActionResult<{ message: string }>;
/** A gift card's code as the till checked it: what it can still pay. */
export type GiftCardBalanceResult = ActionResult<{ code: string; balanceCents: number }>;
/** What the till asks of the wallet for a ticket (lib/wallet/pay.ts). */
export type TillWalletChoice = { useStoreCredit: boolean; giftCardCode: string | null };
export type HomeDeliveryResult = ActionResult<{ number: string; message: string }>;

export type ElsewhereStore = { storeId: number; name: string; town: string; distanceKm: number | null; available: number; clickReserve: boolean };
/** `homeDelivery`: what one unit sent home costs at the counter (the web price and delivery fee). */
export type ElsewhereResult = ActionResult<{
  stores: ElsewhereStore[];
  webAvailable: number;
  homeDelivery: { priceCents: number; deliveryCents: number; totalCents: number };
}>;

/** The card as typed at the till: the checkout's four fields, parsed on the server. */
export type RawCard = { card_number: string; card_exp: string; card_cvc: string; card_holder: string };
/** How the ticket is paid, as the till screen sends it (amounts in cents). */
export type RawTender =
  { kind: 'cash'; givenCents: number } | { kind: 'card'; card: RawCard } | { kind: 'split'; cashCents: number; givenCents: number; card: RawCard };

/** One close of a store's till, as the close screen shows it (plain data). */
export type TillCloseView = {
  id: number;
  businessDay: string;
  closedAt: string;
  salesCount: number;
  cardCount: number;
  cardCents: number;
  cashCount: number;
  cashCents: number;
  storeCreditCount: number;
  storeCreditCents: number;
  giftCardCount: number;
  giftCardCents: number;
  totalCents: number;
  replayed?: boolean;
};
export type CloseTillResult = ActionResult<{ close: TillCloseView }>;
