import { BadUserInputError, TooManyRequestsError, UnauthenticatedError } from '@bff/kit/errors';

import { addUser, newUser } from '../../src/service/accounts';
import { checkUserIds, toPublicUser, UsersService } from '../../src/service/usersService';
import { InMemoryUsersRepository } from '../inMemoryUsersRepository';

const LIMITS = { perAccount: 2, perSourceIp: 100, windowSeconds: 1e9 };

describe('UsersService, over an in-memory repository', () => {
  let repository: InMemoryUsersRepository;
  let service: UsersService;
  beforeEach(() => {
    repository = new InMemoryUsersRepository();
    service = new UsersService(repository, (userId) => Promise.resolve(`token-for-${userId}`), LIMITS);
  });

  it('registers with trimmed input, a hashed password and a token, and shows the email to its owner only', async () => {
    const { token, user } = await service.register({ name: '  Ada ', email: ' Ada@Example.com ', password: 'correct horse' });
    expect(user).toMatchObject({ name: 'Ada', email: 'Ada@Example.com' });
    expect(token).toBe(`token-for-${user.id}`);
    const stored = repository.users.get(user.id)!;
    expect(stored.passwordHash).toMatch(/^scrypt\$/);
    expect(toPublicUser(stored, { userId: 'someone-else' }).email).toBeNull();
    expect(toPublicUser(stored, null).email).toBeNull();
  });

  it('refuses a taken email in any case, and gives a claim back when the user cannot be written', async () => {
    await service.register({ name: 'A', email: 'taken@example.com', password: 'password-1' });
    await expect(service.register({ name: 'B', email: 'TAKEN@example.com', password: 'password-2' })).rejects.toThrow(BadUserInputError);

    repository.failNextPut = new Error('store down');
    await expect(addUser(repository, await newUser({ name: 'C', email: 'c@example.com', password: 'password-3' }))).rejects.toThrow('store down');
    expect(repository.emails.has('c@example.com')).toBe(false);
    await expect(service.register({ name: 'C', email: 'c@example.com', password: 'password-3' })).resolves.toBeDefined();
  });

  it('signs in, refuses a wrong password like an unknown email, and locks an account after its failures', async () => {
    await service.register({ name: 'L', email: 'login@example.com', password: 'right-password' });
    await expect(service.login('LOGIN@example.com', 'right-password', '198.51.100.1')).resolves.toMatchObject({ user: { email: 'login@example.com' } });
    for (const [email, password] of [
      ['login@example.com', 'wrong-password'],
      ['nobody@example.com', 'right-password'],
    ] as const) {
      await expect(service.login(email, password, '198.51.100.1')).rejects.toThrow(new UnauthenticatedError('Email or password is incorrect.'));
    }
    await expect(service.login('login@example.com', 'wrong-password', '198.51.100.1')).rejects.toThrow(UnauthenticatedError);
    await expect(service.login('login@example.com', 'right-password', '198.51.100.1')).rejects.toThrow(TooManyRequestsError);
  });

  it('refuses more than 100 ids at once', () => {
    expect(() => checkUserIds(Array.from({ length: 100 }, String))).not.toThrow();
    expect(() => checkUserIds(Array.from({ length: 101 }, String))).toThrow(new BadUserInputError('Ask for at most 100 users at once.'));
  });
});
