import { randomUUID } from 'node:crypto';

import { BadUserInputError } from '@bff/kit/errors';

import { hashPassword } from './password';
import type { UserRecord, UsersRepository } from './usersRepository';

/** A sign-up as the client sends it. */
export interface NewUser {
  name: string;
  email: string;
  password: string;
}

export const MAX_EMAIL_LENGTH = 254;
export const MAX_PASSWORD_LENGTH = 128;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validName(raw: string): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 100) throw new BadUserInputError('Name must be 1 to 100 characters.');
  return name;
}

function validEmail(raw: string): string {
  const email = raw.trim();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email)) throw new BadUserInputError('Email must be an address like ada@example.com.');
  return email;
}

function validPassword(password: string): string {
  if (password.length < 8 || password.length > MAX_PASSWORD_LENGTH) throw new BadUserInputError('Password must be 8 to 128 characters.');
  return password;
}

/** Checks a sign-up and hashes its password: the account it would store, with a new id. */
export async function newUser(input: NewUser): Promise<UserRecord> {
  const name = validName(input.name);
  const email = validEmail(input.email);
  const passwordHash = await hashPassword(validPassword(input.password));
  return { id: randomUUID(), name, email, passwordHash, createdAt: new Date().toISOString() };
}

/**
 * Stores a new account. The email is claimed first, atomically, so of two
 * sign-ups with one email exactly one gets it; the claim is given back if the
 * user cannot be written.
 */
export async function addUser(repository: UsersRepository, user: UserRecord): Promise<UserRecord> {
  if (!(await repository.claimEmail(user.email, user.id))) throw new BadUserInputError('An account with this email exists already.');
  try {
    await repository.putUser(user);
  } catch (error) {
    await repository.releaseEmail(user.email, user.id);
    throw error;
  }
  return user;
}
