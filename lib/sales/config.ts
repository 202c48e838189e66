/** How big one till ticket may be: a shop counter, not a warehouse order. */
export const TILL_MAX_LINES = 50;
export const TILL_MAX_UNITS_PER_LINE = 99;
