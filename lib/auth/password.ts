import bcrypt from 'bcryptjs';

// bcrypt (cost 10): a kept, widely used library; pure JS, so no native build on a fresh machine.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
