import { DomainError } from '@/lib/errors';

export class EmailTakenError extends DomainError {
  constructor() {
    super('email_taken', 'An account already exists for this email — sign in instead.');
  }
}

/** A signed-in person asked to act on something they have no rights over. */
export class ForbiddenError extends DomainError {
  constructor(message = 'You do not work at this store.') {
    super('forbidden', message);
  }
}
