/** A user as stored. `passwordHash` never leaves the service. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  createdAt: string;
}

/** One fixed window's count of login attempts for one account (by email) or one source network. */
export interface LoginCounter {
  kind: 'EMAIL' | 'IP';
  /** The lower-cased email, or the network. */
  key: string;
  /** The window's start, in epoch seconds. */
  windowStart: number;
}

/** What the users service needs from its storage, in its own terms. Emails match in any case. */
export interface UsersRepository {
  /** Users by id; missing ids are absent. */
  getUsers(ids: readonly string[]): Promise<UserRecord[]>;
  getUser(id: string): Promise<UserRecord | null>;
  /** The id of the user who holds this email, if any. */
  findUserIdByEmail(email: string): Promise<string | null>;
  /** Claims an email for a user; false when someone holds it already (atomic: of two claims one wins). */
  claimEmail(email: string, userId: string): Promise<boolean>;
  /** Gives up a claim, but only the claim of this user. */
  releaseEmail(email: string, userId: string): Promise<void>;
  /** Writes a new user; false when one with this id exists already. */
  putUser(user: UserRecord): Promise<boolean>;
  /**
   * Counts one attempt unless `limit` are counted already (atomic: of attempts
   * racing each other at most `limit` count); false when the limit was reached.
   * The count may be forgotten after `expiresAt` (epoch seconds).
   */
  countLoginAttempt(counter: LoginCounter, limit: number, expiresAt: number): Promise<boolean>;
  /** Forgets a window's count. */
  clearLoginAttempts(counter: LoginCounter): Promise<void>;
}
