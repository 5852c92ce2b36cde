import { CompositionError } from '@bff/gateway/compose';
import { FEDERATION_LINK } from '@bff/test-support';

import { composeClientSchema } from '../src/clientSchema';

const users = { name: 'users', url: 'http://users.invalid/graphql', sdl: `${FEDERATION_LINK} type User @key(fields: "id") { id: ID! name: String! } type Query { user(id: ID!): User }` };
const articles = {
  name: 'articles',
  url: 'http://articles.invalid/graphql',
  sdl: `${FEDERATION_LINK} type User @key(fields: "id") { id: ID! articles: [Article!]! } type Article { title: String! author: User } type Query { articles: [Article!]! }`,
};

describe('composeClientSchema', () => {
  it('gives the client schema without federation machinery, types and fields sorted', () => {
    const { clientSdl, supergraphSdl } = composeClientSchema([users, articles]);
    expect(supergraphSdl).toContain('join__Graph');
    expect(clientSdl).not.toMatch(/join__|link__|@key|_entities|_service/);
    expect(clientSdl).toBe(
      [
        'type Article {\n  author: User\n  title: String!\n}',
        'type Query {\n  articles: [Article!]!\n  user(id: ID!): User\n}',
        'type User {\n  articles: [Article!]!\n  id: ID!\n  name: String!\n}\n',
      ].join('\n\n'),
    );
  });

  it('throws the gateway’s CompositionError, naming the subgraph, when one does not parse', () => {
    expect(() => composeClientSchema([users, { ...articles, sdl: 'type Query {' }])).toThrow(CompositionError);
    expect(() => composeClientSchema([users, { ...articles, sdl: 'type Query {' }])).toThrow(/\[articles\] Syntax Error/);
  });
});
