'use server';
import { refresh } from 'next/cache';
import { backOfficeAction } from '@/lib/actions/builder';
import { done } from '@/lib/actions/state';
import { backOfficeInvalid, pictureUploadSchema } from '@/lib/catalog/back-office-params';
import { addProductPicture } from '@/lib/catalog/pictures';
import { storePicture } from '@/lib/media/pictures';

/**
 * A picture for a product (a multipart form): checked (kind read from its bytes, size, width),
 * resized into the shop's sizes as WebP and stored (lib/media), then added last to the product's
 * pictures from the page's version.
 */
export const uploadPictureAction = backOfficeAction('back-office')
  .form(pictureUploadSchema, (error, { t }) => backOfficeInvalid(error, t))
  .run(async ({ input, user, t }) => {
    const bytes = input.picture ? Buffer.from(await input.picture.arrayBuffer()) : Buffer.alloc(0);
    const url = await storePicture(bytes);
    await addProductPicture({ type: 'user', userId: user.id, name: user.name }, { productId: input.productId, version: input.version, url });
    refresh();
    return done(t.backOffice.pictureAdded);
  });
