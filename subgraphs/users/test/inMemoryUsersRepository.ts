import type { LoginCounter, UserRecord, UsersRepository } from '../src/service/usersRepository';

/** The users repository in memory, for the service's unit tests: a test double of the port, with its atomic semantics. */
export class InMemoryUsersRepository implements UsersRepository {
  readonly users = new Map<string, UserRecord>();
  readonly emails = new Map<string, string>();
  readonly counters = new Map<string, number>();
  /** Set to make the next putUser fail, as a store error would. */
  failNextPut: Error | undefined;

  getUsers(ids: readonly string[]): Promise<UserRecord[]> {
    return Promise.resolve(ids.flatMap((id) => this.users.get(id) ?? []));
  }

  getUser(id: string): Promise<UserRecord | null> {
    return Promise.resolve(this.users.get(id) ?? null);
  }

  findUserIdByEmail(email: string): Promise<string | null> {
    return Promise.resolve(this.emails.get(email.toLowerCase()) ?? null);
  }

  claimEmail(email: string, userId: string): Promise<boolean> {
    if (this.emails.has(email.toLowerCase())) return Promise.resolve(false);
    this.emails.set(email.toLowerCase(), userId);
    return Promise.resolve(true);
  }

  releaseEmail(email: string, userId: string): Promise<void> {
    if (this.emails.get(email.toLowerCase()) === userId) this.emails.delete(email.toLowerCase());
    return Promise.resolve();
  }

  putUser(user: UserRecord): Promise<boolean> {
    const failure = this.failNextPut;
    this.failNextPut = undefined;
    if (failure) return Promise.reject(failure);
    if (this.users.has(user.id)) return Promise.resolve(false);
    this.users.set(user.id, user);
    return Promise.resolve(true);
  }

  countLoginAttempt(counter: LoginCounter, limit: number): Promise<boolean> {
    const key = `${counter.kind}#${counter.key}#${counter.windowStart}`;
    const count = this.counters.get(key) ?? 0;
    if (count >= limit) return Promise.resolve(false);
    this.counters.set(key, count + 1);
    return Promise.resolve(true);
  }

  clearLoginAttempts(counter: LoginCounter): Promise<void> {
    this.counters.delete(`${counter.kind}#${counter.key}#${counter.windowStart}`);
    return Promise.resolve();
  }
}
