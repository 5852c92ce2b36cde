import { articlesTable } from '@bff/articles/table';
import { commentsTable } from '@bff/comments/table';
import { usersTable } from '@bff/users/table';

import type { SubgraphService } from './subgraph';

/** The product's subgraphs, each deployed as its own stack. */
export const SERVICES: SubgraphService[] = [
  {
    name: 'users',
    entry: 'subgraphs/users/src/handler.ts',
    schemaFile: 'subgraphs/users/schema.graphql',
    table: usersTable,
    tableEnv: 'USERS_TABLE',
  },
  {
    name: 'articles',
    entry: 'subgraphs/articles/src/handler.ts',
    schemaFile: 'subgraphs/articles/schema.graphql',
    table: articlesTable,
    tableEnv: 'ARTICLES_TABLE',
  },
  {
    name: 'comments',
    entry: 'subgraphs/comments/src/handler.ts',
    schemaFile: 'subgraphs/comments/schema.graphql',
    table: commentsTable,
    tableEnv: 'COMMENTS_TABLE',
    // Before it accepts a comment, comments asks articles whether the article exists.
    calls: [{ subgraph: 'articles', urlEnv: 'ARTICLES_URL' }],
  },
];
