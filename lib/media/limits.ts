/** What a picture upload may be (client-safe: the form checks the size before sending). */
export const PICTURE_MAX_BYTES = 8 * 1024 * 1024;
export const PICTURE_MIN_WIDTH = 400;
export const PICTURE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export type PictureRefusal = 'missing' | 'too_large' | 'type' | 'too_small';
export type { PictureRefusedError } from './pictures';
