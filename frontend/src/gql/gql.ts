/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddComment($input: AddCommentInput!) {\n  addComment(input: $input) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}": typeof types.AddCommentDocument,
    "query ArticleList($first: Int, $after: String) {\n  articles(first: $first, after: $after) {\n    nodes {\n      id\n      title\n      createdAt\n      commentCount\n      author {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ArticleListDocument,
    "query ArticlePage($id: ID!, $commentsAfter: String) {\n  article(id: $id) {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    commentCount\n    comments(first: 20, after: $commentsAfter) {\n      nodes {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.ArticlePageDocument,
    "mutation CreateArticle($input: CreateArticleInput!) {\n  createArticle(input: $input) {\n    id\n  }\n}": typeof types.CreateArticleDocument,
    "mutation DeleteComment($id: ID!) {\n  deleteComment(id: $id)\n}": typeof types.DeleteCommentDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n    }\n  }\n}": typeof types.LoginDocument,
    "query Me {\n  me {\n    id\n    name\n  }\n}": typeof types.MeDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      name\n    }\n  }\n}": typeof types.RegisterDocument,
};
const documents: Documents = {
    "mutation AddComment($input: AddCommentInput!) {\n  addComment(input: $input) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}": types.AddCommentDocument,
    "query ArticleList($first: Int, $after: String) {\n  articles(first: $first, after: $after) {\n    nodes {\n      id\n      title\n      createdAt\n      commentCount\n      author {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ArticleListDocument,
    "query ArticlePage($id: ID!, $commentsAfter: String) {\n  article(id: $id) {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    commentCount\n    comments(first: 20, after: $commentsAfter) {\n      nodes {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.ArticlePageDocument,
    "mutation CreateArticle($input: CreateArticleInput!) {\n  createArticle(input: $input) {\n    id\n  }\n}": types.CreateArticleDocument,
    "mutation DeleteComment($id: ID!) {\n  deleteComment(id: $id)\n}": types.DeleteCommentDocument,
    "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n    }\n  }\n}": types.LoginDocument,
    "query Me {\n  me {\n    id\n    name\n  }\n}": types.MeDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      name\n    }\n  }\n}": types.RegisterDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddComment($input: AddCommentInput!) {\n  addComment(input: $input) {\n    id\n    body\n    createdAt\n    author {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql').AddCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ArticleList($first: Int, $after: String) {\n  articles(first: $first, after: $after) {\n    nodes {\n      id\n      title\n      createdAt\n      commentCount\n      author {\n        id\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql').ArticleListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ArticlePage($id: ID!, $commentsAfter: String) {\n  article(id: $id) {\n    id\n    title\n    body\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    commentCount\n    comments(first: 20, after: $commentsAfter) {\n      nodes {\n        id\n        body\n        createdAt\n        author {\n          id\n          name\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): typeof import('./graphql').ArticlePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateArticle($input: CreateArticleInput!) {\n  createArticle(input: $input) {\n    id\n  }\n}"): typeof import('./graphql').CreateArticleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeleteComment($id: ID!) {\n  deleteComment(id: $id)\n}"): typeof import('./graphql').DeleteCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    user {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    name\n  }\n}"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    token\n    user {\n      id\n      name\n    }\n  }\n}"): typeof import('./graphql').RegisterDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
