'use server';
import { refresh } from 'next/cache';
import { backOfficeAction, refreshOnRefusal } from '@/lib/actions/builder';
import { done } from '@/lib/actions/state';
import { pictureIndexSchema } from '@/lib/catalog/back-office-params';
import { removeProductPicture } from '@/lib/catalog/pictures';

/** Removes a picture from a product (the file stays: the audit log names it). */
export const removePictureAction = backOfficeAction('back-office')
  .form(pictureIndexSchema)
  .refused(refreshOnRefusal)
  .run(async ({ input, user, t }) => {
    await removeProductPicture({ type: 'user', userId: user.id, name: user.name }, input);
    refresh();
    return done(t.backOffice.pictureRemoved);
  });
