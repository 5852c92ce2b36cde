import type { Caller } from '@bff/kit/core';
import { BadUserInputError, UnauthenticatedError } from '@bff/kit/errors';

import { addUser, MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, type NewUser, newUser } from './accounts';
import { type LoginLimits, reserveLoginAttempt } from './loginLimits';
import { decoyHash, verifyPassword } from './password';
import type { UserRecord, UsersRepository } from './usersRepository';

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

/** Issues the access token a signed-in user gets (a port: the JWT and its key are the kit's). */
export type IssueAccessToken = (userId: string) => Promise<string>;

export const MAX_IDS = 100;

export function toPublicUser(user: UserRecord, caller: Caller | null): PublicUser {
  return { id: user.id, name: user.name, email: caller?.userId === user.id ? user.email : null, createdAt: user.createdAt };
}

/** Refuses a `users(ids)` list longer than one lookup may be. */
export function checkUserIds(ids: readonly string[]): void {
  if (ids.length > MAX_IDS) throw new BadUserInputError(`Ask for at most ${MAX_IDS} users at once.`);
}

/** Accounts: sign-up, sign-in and the rules that keep them apart. */
export class UsersService {
  constructor(
    private readonly repository: UsersRepository,
    private readonly issueAccessToken: IssueAccessToken,
    private readonly loginLimits: LoginLimits,
  ) {}

  async register(input: NewUser): Promise<AuthResult> {
    return this.signedIn(await addUser(this.repository, await newUser(input)));
  }

  /**
   * Signs in. Unknown email and wrong password get the same answer, after the
   * same work. Before that work the attempt is counted against the client's
   * network and the account, and refused with TOO_MANY_REQUESTS over either
   * limit (loginLimits.ts); a success clears the account's failures.
   */
  async login(email: string, password: string, sourceIp: string): Promise<AuthResult> {
    const refused = () => new UnauthenticatedError('Email or password is incorrect.');
    const address = email.trim();
    // Registration accepts neither, so no account matches: refused without hashing, and not worth counting.
    if (address.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH) throw refused();
    const account = await reserveLoginAttempt(this.repository, this.loginLimits, address, sourceIp);
    const userId = await this.repository.findUserIdByEmail(address);
    const user = userId ? await this.repository.getUser(userId) : null;
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !matches) throw refused();
    await this.repository.clearLoginAttempts(account);
    return this.signedIn(user);
  }

  private async signedIn(user: UserRecord): Promise<AuthResult> {
    return { token: await this.issueAccessToken(user.id), user: toPublicUser(user, { userId: user.id }) };
  }
}
