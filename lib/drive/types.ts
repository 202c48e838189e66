/** What the slot picker shows; plain JSON, so a route handler can send it and SWR can poll it. */
export type DriveSlotState = 'open' | 'full' | 'past_cutoff' | 'closed';

export type DriveSlotView = {
  id: number;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  /** Local wall-clock times at the shop, 'HH:MM'. */
  start: string;
  end: string;
  capacity: number;
  /** Places left for this shopper: their own hold is not counted against them. */
  remaining: number;
  state: DriveSlotState;
  heldByYou: boolean;
  /** When the shopper's hold on this slot lapses (ISO), if they hold it. */
  holdExpiresAt: string | null;
};

export type DriveDayView = {
  /** Local date at the shop, 'YYYY-MM-DD'. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  closed: boolean;
  closure: { fr: string; en: string } | null;
  slots: DriveSlotView[];
};

export type DriveSlotsView = {
  storeId: number;
  cutoffMinutes: number;
  holdMinutes: number;
  /** The database clock when this was read (ISO). */
  asOf: string;
  days: DriveDayView[];
};
