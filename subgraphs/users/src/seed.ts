import { BadUserInputError } from '@bff/kit/errors';

import { addUser, newUser } from './service/accounts';
import type { UsersRepository } from './service/usersRepository';

/** A demo account: fixed id and creation time, so the other services' demo data can refer to it. */
export interface SeedUser {
  id: string;
  name: string;
  email: string;
  password: string;
  createdAt: string;
}

/**
 * Writes a demo account by the service's own rules (checked, password hashed,
 * email claimed first), so it can sign in. False when it exists already (an
 * interrupted seed wrote it): it is kept as it is.
 */
export async function seedUser(repository: UsersRepository, user: SeedUser): Promise<boolean> {
  const account = { ...(await newUser(user)), id: user.id, createdAt: user.createdAt };
  try {
    await addUser(repository, account);
    return true;
  } catch (error) {
    if (error instanceof BadUserInputError) return false;
    throw error;
  }
}
