import { CLIENT_ERROR_CODES, ErrorCode, SERVICE_LIST, SERVICE_NAMES, SERVICES, serviceVariables } from '../../src/catalogue';

describe('the error code catalogue', () => {
  it('names each code by itself, so that `ErrorCode.X` is the string clients see', () => {
    for (const [name, code] of Object.entries(ErrorCode)) expect(code).toBe(name);
  });

  it('shows the message of client errors only; an internal error is always masked', () => {
    for (const code of CLIENT_ERROR_CODES) expect(Object.values(ErrorCode)).toContain(code);
    expect(CLIENT_ERROR_CODES.has(ErrorCode.INTERNAL_SERVER_ERROR)).toBe(false);
  });
});

describe('the services catalogue', () => {
  it('spells each variable as the stacks, the README and the tests do', () => {
    expect(SERVICES.comments).toMatchObject({
      entry: 'subgraphs/comments/src/handler.ts',
      schemaFile: 'subgraphs/comments/schema.graphql',
      table: { env: 'COMMENTS_TABLE', defaultName: 'comments' },
      idempotencyTable: { env: 'COMMENTS_IDEMPOTENCY_TABLE', defaultName: 'comments-idempotency' },
      urlEnv: 'COMMENTS_URL',
      timeoutEnv: 'COMMENTS_TIMEOUT_MS',
    });
    expect(serviceVariables('user-reviews').table.env).toBe('USER_REVIEWS_TABLE');
  });

  it('lists every service once, each callee before the services that call it', () => {
    expect(SERVICE_LIST.map((service) => service.name)).toEqual(SERVICE_NAMES);
    expect(new Set(SERVICE_NAMES).size).toBe(SERVICE_NAMES.length);
    SERVICE_LIST.forEach((service, index) => {
      for (const callee of service.calls) expect(SERVICE_NAMES.indexOf(callee as never)).toBeLessThan(index);
      for (const callee of service.callsWhenSet) expect(SERVICE_NAMES).toContain(callee);
    });
  });
});
