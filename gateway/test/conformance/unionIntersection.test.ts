import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

// `Media` is Book | Song in `library` and Book | Movie in `cinema`; both can answer
// `Query.media`, so only Book is safe to ask of either. Viewer lives in `library` only.
const dune = { __typename: 'Book', title: 'Dune' };

describeConformance(
  'union members that differ across subgraphs',
  [
    {
      name: 'library',
      typeDefs: `${federationLink('2.3', ['@shareable'])}
        union Media = Book | Song
        type Book @shareable { title: String! }
        type Song @shareable { title: String! }
        type Viewer { media: Media favourite: Media }
        type Query { media: Media @shareable viewer: Viewer }`,
      resolvers: {
        Query: {
          media: () => dune,
          viewer: () => ({ media: { __typename: 'Song', title: 'Blue' }, favourite: dune }),
        },
      },
    },
    {
      name: 'cinema',
      typeDefs: `${federationLink('2.3', ['@shareable'])}
        union Media = Book | Movie
        type Book @shareable { title: String! }
        type Movie { title: String! }
        type Query { media: Media @shareable }`,
      resolvers: { Query: { media: () => dune } },
    },
  ],
  [
    {
      name: 'a member every subgraph has',
      query: '{ media { ... on Book { title } } }',
      data: { media: { title: 'Dune' } },
      errors: false,
    },
    {
      name: 'a member only one subgraph has, on a shareable field',
      query: '{ media { __typename ... on Movie { title } } }',
      data: { media: { __typename: 'Book' } },
      errors: false,
    },
    {
      name: 'every member, each owned by some subgraph, under a field one subgraph owns',
      query: '{ viewer { media { __typename ... on Song { title } ... on Movie { title } ... on Book { title } } } }',
      data: { viewer: { media: { __typename: 'Song', title: 'Blue' } } },
      errors: false,
    },
    {
      name: 'two fields of one union, one member each, with aliases',
      query: '{ viewer { song: media { ... on Song { title } } book: favourite { ... on Book { bookTitle: title } ... on Movie { title } } } }',
      data: { viewer: { song: { title: 'Blue' }, book: { bookTitle: 'Dune' } } },
      errors: false,
    },
  ],
);
