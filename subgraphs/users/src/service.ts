import { randomUUID } from 'node:crypto';

import { BadUserInputError, type Caller, type DataLoader, issueAccessToken, UnauthenticatedError } from '@bff/kit/subgraph';

import { reserveLoginAttempt } from './loginLimits';
import { decoyHash, hashPassword, verifyPassword } from './password';
import { claimEmail, clearLoginAttempts, findUserIdByEmail, getUser, putUser, releaseEmail, type UserRecord } from './store';

/** What the API shows of a user; the email only to the user themself. */
export interface PublicUser {
  id: string;
  name: string;
  email: string | null;
  createdAt: string;
}

export interface AuthResult {
  token: string;
  user: PublicUser;
}

export const MAX_IDS = 100;
const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 128;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function toPublicUser(user: UserRecord, caller: Caller | null): PublicUser {
  return { id: user.id, name: user.name, email: caller?.userId === user.id ? user.email : null, createdAt: user.createdAt };
}

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

export async function findUser(users: DataLoader<string, UserRecord | null>, id: string): Promise<UserRecord | null> {
  return users.load(id);
}

export async function findUsers(users: DataLoader<string, UserRecord | null>, ids: readonly string[]): Promise<(UserRecord | null)[]> {
  if (ids.length > MAX_IDS) throw new BadUserInputError(`Ask for at most ${MAX_IDS} users at once.`);
  return Promise.all(ids.map((id) => users.load(id)));
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

/**
 * Creates an account. The email is claimed first with a conditional write, so
 * of two sign-ups with one email exactly one gets it; the claim is given back
 * if the user cannot be written. `id` and `createdAt` are for seeding demo data.
 */
export async function createUser(input: NewUser, fixed: { id?: string; createdAt?: string } = {}): Promise<UserRecord> {
  const name = validName(input.name);
  const email = validEmail(input.email);
  const passwordHash = await hashPassword(validPassword(input.password));
  const user: UserRecord = {
    id: fixed.id ?? randomUUID(),
    name,
    email,
    passwordHash,
    createdAt: fixed.createdAt ?? new Date().toISOString(),
  };
  if (!(await claimEmail(email, user.id))) throw new BadUserInputError('An account with this email exists already.');
  try {
    await putUser(user);
  } catch (error) {
    await releaseEmail(email, user.id);
    throw error;
  }
  return user;
}

export async function register(input: NewUser): Promise<AuthResult> {
  const user = await createUser(input);
  return { token: await issueAccessToken(user.id), user: toPublicUser(user, { userId: user.id }) };
}

/**
 * Signs in. Unknown email and wrong password get the same answer, after the
 * same work. Before that work the attempt is counted against the client's
 * network and the account, and refused with TOO_MANY_REQUESTS over either
 * limit (loginLimits.ts); a success clears the account's failures.
 */
export async function login(email: string, password: string, sourceIp: string): Promise<AuthResult> {
  const refused = () => new UnauthenticatedError('Email or password is incorrect.');
  const address = email.trim();
  // Registration accepts neither, so no account matches: refused without hashing, and not worth counting.
  if (address.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) throw refused();
  const account = await reserveLoginAttempt(address, sourceIp);
  const userId = await findUserIdByEmail(address);
  const user = userId ? await getUser(userId) : null;
  const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !matches) throw refused();
  await clearLoginAttempts(account);
  return { token: await issueAccessToken(user.id), user: toPublicUser(user, { userId: user.id }) };
}
