import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

const posts = [{ id: 'p1' }, { id: 'p2' }];

// `createdAt` moved from `old` to `new` with @override: `old` still has a resolver that answers wrongly.
describeConformance(
  '@override',
  [
    {
      name: 'old',
      typeDefs: `${federationLink('2.3', ['@key'])}
        type Post @key(fields: "id") { id: ID! createdAt: String! }
        type Query { feed: [Post!]! }`,
      resolvers: { Query: { feed: () => posts }, Post: { createdAt: ({ id }: { id: string }) => `${id} (stale)` } },
    },
    {
      name: 'new',
      typeDefs: `${federationLink('2.3', ['@key', '@override'])}
        type Post @key(fields: "id") { id: ID! createdAt: String! @override(from: "old") }
        type Query { latest: Post }`,
      resolvers: { Query: { latest: () => posts[1] }, Post: { createdAt: ({ id }: { id: string }) => `${id} at noon` } },
    },
  ],
  [
    {
      name: 'the overridden field from the subgraph that took it',
      query: '{ feed { id createdAt } }',
      data: { feed: [{ id: 'p1', createdAt: 'p1 at noon' }, { id: 'p2', createdAt: 'p2 at noon' }] },
      errors: false,
    },
    {
      name: 'from the subgraph that took it, without a hop',
      query: '{ latest { createdAt } }',
      data: { latest: { createdAt: 'p2 at noon' } },
      errors: false,
    },
  ],
);

// `b` overrides from a subgraph that is not in the supergraph: nothing is taken from anyone.
describeConformance(
  '@override from a subgraph that is not there',
  [
    {
      name: 'a',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Post @key(fields: "id") { id: ID! createdAt: String! @shareable }
        type Query { aFeed: [Post!]! }`,
      resolvers: { Query: { aFeed: () => [posts[1]] }, Post: { createdAt: ({ id }: { id: string }) => `${id}-created` } },
    },
    {
      name: 'b',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable', '@override'])}
        type Post @key(fields: "id") { id: ID! createdAt: String! @shareable @override(from: "gone") }
        type Query { bFeed: [Post!]! }`,
      resolvers: { Query: { bFeed: () => [posts[0]] }, Post: { createdAt: ({ id }: { id: string }) => `${id}-created` } },
    },
  ],
  [
    {
      name: 'each subgraph answers the shared field for its own entities',
      query: '{ aFeed { id createdAt } bFeed { id createdAt } }',
      data: { aFeed: [{ id: 'p2', createdAt: 'p2-created' }], bFeed: [{ id: 'p1', createdAt: 'p1-created' }] },
      errors: false,
    },
  ],
);

const members = [{ internalId: 'm1', name: 'Ada', secret: 'x' }];

// Hidden from clients, still used to plan: an @inaccessible key, field, type and enum value.
describeConformance(
  '@inaccessible',
  [
    {
      name: 'members',
      typeDefs: `${federationLink('2.3', ['@key', '@inaccessible'])}
        type Member @key(fields: "internalId") { internalId: ID! @inaccessible name: String! secret: String @inaccessible audit: Audit @inaccessible }
        type Audit @inaccessible { at: String! }
        enum Role { READER WRITER ADMIN @inaccessible }
        type Query { member: Member role: Role! }`,
      resolvers: { Query: { member: () => members[0], role: () => 'WRITER' } },
    },
    {
      name: 'ages',
      typeDefs: `${federationLink('2.3', ['@key', '@inaccessible'])}
        type Member @key(fields: "internalId") { internalId: ID! @inaccessible age: Int! }`,
      resolvers: { Member: { age: () => 36 } },
    },
  ],
  [
    {
      name: 'joined on a key the client cannot see',
      query: '{ member { name age } role }',
      data: { member: { name: 'Ada', age: 36 }, role: 'WRITER' },
      errors: false,
    },
    {
      name: 'an inaccessible field is refused',
      query: '{ member { name secret } }',
      data: undefined,
      errors: true,
    },
    {
      name: 'an inaccessible key is refused',
      query: '{ member { internalId } }',
      data: undefined,
      errors: true,
    },
    {
      name: 'an inaccessible type is not there',
      query: '{ member { audit { at } } }',
      data: undefined,
      errors: true,
    },
  ],
);
