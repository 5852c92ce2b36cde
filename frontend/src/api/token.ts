/**
 * The access token of this browser tab. It lives in sessionStorage (key `bff.token`) so a
 * reload keeps the login while closing the tab ends it; listeners let React follow changes.
 */
const KEY = 'bff.token';
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    // Storage can be blocked (privacy settings): the token then lives in memory only.
    return null;
  }
}

let token = readStored();

export function getToken(): string | null {
  return token;
}

export function setToken(next: string | null): void {
  if (next === token) return;
  token = next;
  try {
    if (next === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, next);
  } catch {
    // See readStored.
  }
  for (const listener of listeners) listener();
}

export function subscribeToken(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
