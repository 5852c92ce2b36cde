import { TooManyRequestsError } from '@bff/kit/errors';

import { sourceNetwork } from './sourceNetwork';
import type { LoginCounter, UsersRepository } from './usersRepository';

/**
 * How many login attempts a fixed window lets through. 10 failures per account
 * per 15 minutes leaves room for a user's typos and holds a guesser to under
 * 1000 passwords a day (NIST SP 800-63B asks for at most 100 consecutive
 * failures before a lockout). 100 attempts per address per 15 minutes fits many
 * people behind one NAT, and caps one address at about 20 s of scrypt CPU per window.
 */
export interface LoginLimits {
  /** Failed attempts per account (by email, known or not): online guessing of one password stays slow. */
  perAccount: number;
  /** All attempts per source network: one client cannot keep the service busy hashing (scrypt). */
  perSourceIp: number;
  windowSeconds: number;
}

/** The fixed window `nowMs` falls in, in epoch seconds, and the whole seconds until it ends (at least 1). */
export function loginWindow(nowMs: number, windowSeconds: number): { start: number; end: number; retryAfterSeconds: number } {
  const start = Math.floor(nowMs / 1000 / windowSeconds) * windowSeconds;
  const end = start + windowSeconds;
  return { start, end, retryAfterSeconds: Math.max(1, Math.ceil(end - nowMs / 1000)) };
}

const inWords = (seconds: number) => (seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`);

/**
 * Counts one login attempt, before any password is hashed: first against the
 * client's network (so a refused network cannot run up an account's count),
 * then against the account. Each count is atomic, so attempts racing each other
 * cannot pass a limit together. Returns the account's counter: a successful
 * login clears it, which makes the account's count one of failures (and
 * attempts still in flight). Throws TooManyRequestsError over either limit.
 */
export async function reserveLoginAttempt(
  repository: UsersRepository,
  limits: LoginLimits,
  email: string,
  sourceIp: string,
  nowMs = Date.now(),
): Promise<LoginCounter> {
  const window = loginWindow(nowMs, limits.windowSeconds);
  const network: LoginCounter = { kind: 'IP', key: sourceNetwork(sourceIp), windowStart: window.start };
  if (!(await repository.countLoginAttempt(network, limits.perSourceIp, window.end))) {
    throw new TooManyRequestsError(
      `Too many login attempts from your network. Try again in ${inWords(window.retryAfterSeconds)}.`,
      window.retryAfterSeconds,
    );
  }
  const account: LoginCounter = { kind: 'EMAIL', key: email.trim().toLowerCase(), windowStart: window.start };
  if (!(await repository.countLoginAttempt(account, limits.perAccount, window.end))) {
    throw new TooManyRequestsError(
      `Too many failed login attempts for this account. Try again in ${inWords(window.retryAfterSeconds)}.`,
      window.retryAfterSeconds,
    );
  }
  return account;
}
