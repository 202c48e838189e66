'use server';
import { refresh } from 'next/cache';
import { backOfficeAction, refreshOnRefusal } from '@/lib/actions/builder';
import { done, refuse } from '@/lib/actions/state';
import { pictureIndexSchema } from '@/lib/catalog/back-office-params';
import { moveProductPicture } from '@/lib/catalog/pictures';

/** Moves a product's picture one place up (towards the main picture) or down. */
export const movePictureAction = backOfficeAction('back-office')
  .form(pictureIndexSchema)
  .refused(refreshOnRefusal)
  .run(async ({ input, user, t }) => {
    if (!input.direction) return refuse(t.backOffice.invalidForm);
    await moveProductPicture({ type: 'user', userId: user.id, name: user.name }, { ...input, direction: input.direction });
    refresh();
    return done(t.backOffice.pictureMoved);
  });
