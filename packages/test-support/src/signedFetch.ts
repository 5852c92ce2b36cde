import { type SignOptions, signedHeaders } from './signedHeaders';

/** A `fetch` that signs each call as the gateway's upstream layer does: for an executor a test points at subgraphs. */
export function signedFetch(options: SignOptions = {}): typeof fetch {
  return async (input, init = {}) => {
    const body = typeof init.body === 'string' ? init.body : '';
    const headers = new Headers(init.headers);
    for (const [key, value] of Object.entries(await signedHeaders(body, options))) headers.set(key, value);
    return fetch(input, { ...init, headers, body });
  };
}
