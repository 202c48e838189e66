/** The store pin (a 24×24 view box), drawn by both map engines and by the static preview. */
export const PIN_PATH = 'M12 2C7.6 2 4 5.5 4 9.9 4 15.5 12 22 12 22s8-6.5 8-12.1C20 5.5 16.4 2 12 2zm0 10.6a2.7 2.7 0 1 1 0-5.4 2.7 2.7 0 0 1 0 5.4z';
