import { federationLink } from '@bff/test-support';

import { describeConformance } from './describeConformance';

const rex = { __typename: 'Dog', name: 'Rex', barks: true };
const tom = { __typename: 'Cat', name: 'Tom', lives: 9 };

// `Animal` is Dog | Cat in `zoo` and Dog | Cow in `farm`; both answer the shareable `animals`.
describeConformance(
  'interface implementations that differ across subgraphs',
  [
    {
      name: 'zoo',
      typeDefs: `${federationLink('2.3', ['@shareable'])}
        interface Animal { name: String! }
        type Dog implements Animal @shareable { name: String! barks: Boolean! }
        type Cat implements Animal { name: String! lives: Int! }
        union Resident = Dog | Cat
        type Query { animals: [Animal!]! @shareable zooAnimals: [Animal!]! residents: [Resident!]! }`,
      resolvers: { Query: { animals: () => [rex], zooAnimals: () => [rex, tom], residents: () => [tom, rex] } },
    },
    {
      name: 'farm',
      typeDefs: `${federationLink('2.3', ['@shareable'])}
        interface Animal { name: String! }
        type Dog implements Animal @shareable { name: String! barks: Boolean! }
        type Cow implements Animal { name: String! milk: Int! }
        type Query { animals: [Animal!]! @shareable }`,
      resolvers: { Query: { animals: () => [rex] } },
    },
  ],
  [
    {
      name: 'an implementation both subgraphs have, on a shareable field',
      query: '{ animals { name ... on Dog { barks } } }',
      data: { animals: [{ name: 'Rex', barks: true }] },
      errors: false,
    },
    {
      name: 'implementations each in one subgraph, on a field one subgraph owns',
      query: '{ zooAnimals { __typename name ... on Cat { lives } ... on Cow { milk } } }',
      data: { zooAnimals: [{ __typename: 'Dog', name: 'Rex' }, { __typename: 'Cat', name: 'Tom', lives: 9 }] },
      errors: false,
    },
    {
      name: 'fragments on the interface, inline and named',
      query: '{ zooAnimals { ... on Animal { name } ...Called } } fragment Called on Animal { called: name }',
      data: { zooAnimals: [{ name: 'Rex', called: 'Rex' }, { name: 'Tom', called: 'Tom' }] },
      errors: false,
    },
    {
      name: 'a fragment on an interface under a union',
      query: '{ residents { __typename ... on Animal { name } ... on Cat { lives } } }',
      data: { residents: [{ __typename: 'Cat', name: 'Tom', lives: 9 }, { __typename: 'Dog', name: 'Rex' }] },
      errors: false,
    },
  ],
);

const common = { __typename: 'Common', label: 'both' };
const onlyLeft = { __typename: 'LeftOnly', left: 'L' };
const onlyRight = { __typename: 'RightOnly', right: 'R' };

// `Item` is Common | LeftOnly in `left` and Common | RightOnly in `right`, under shareable
// fields of a shareable type. Each subgraph returns the members it knows; `both` (which
// either can answer) returns the common member only.
describeConformance(
  'shareable partial unions',
  [
    {
      name: 'left',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Query { fromLeft: Container both: Container @shareable }
        type Container @key(fields: "id") { id: ID! box: Box @shareable }
        type Box @shareable { items: [Item!]! }
        union Item = Common | LeftOnly
        type Common @shareable { label: String! }
        type LeftOnly { left: String! }`,
      resolvers: {
        Query: { fromLeft: () => ({ id: 'c1', items: [common, onlyLeft] }), both: () => ({ id: 'c2', items: [common] }) },
        Container: {
          __resolveReference: ({ id }: { id: string }) => ({ id, items: id === 'c1' ? [common, onlyLeft] : [common] }),
          box: ({ items }: { items: unknown[] }) => ({ items }),
        },
      },
    },
    {
      name: 'right',
      typeDefs: `${federationLink('2.3', ['@key', '@shareable'])}
        type Query { fromRight: Container both: Container @shareable }
        type Container @key(fields: "id") { id: ID! box: Box @shareable rightBox: Box }
        type Box @shareable { items: [Item!]! }
        union Item = Common | RightOnly
        type Common @shareable { label: String! }
        type RightOnly { right: String! }`,
      resolvers: {
        Query: { fromRight: () => ({ id: 'c3', items: [common, onlyRight] }), both: () => ({ id: 'c2', items: [common] }) },
        Container: {
          __resolveReference: ({ id }: { id: string }) => ({ id, items: id === 'c2' ? [common] : [common, onlyRight] }),
          box: ({ items }: { items: unknown[] }) => ({ items }),
          rightBox: () => ({ items: [common, onlyRight] }),
        },
      },
    },
  ],
  [
    {
      name: 'members of the subgraph the path starts in',
      query: '{ fromLeft { box { items { __typename ... on Common { label } ... on LeftOnly { left } ... on RightOnly { right } } } } }',
      data: { fromLeft: { box: { items: [{ __typename: 'Common', label: 'both' }, { __typename: 'LeftOnly', left: 'L' }] } } },
      errors: false,
      apolloGateway: {
        why: 'it asks only for the members both subgraphs have, then nulls `box`, without an error, for the member it did not ask about',
        data: { fromLeft: { box: null } },
        errors: false,
      },
    },
    {
      name: 'the same from the other side',
      query: '{ fromRight { box { items { __typename ... on Common { label } ... on LeftOnly { left } ... on RightOnly { right } } } } }',
      data: { fromRight: { box: { items: [{ __typename: 'Common', label: 'both' }, { __typename: 'RightOnly', right: 'R' }] } } },
      errors: false,
      apolloGateway: {
        why: 'it asks only for the members both subgraphs have, then nulls `box`, without an error, for the member it did not ask about',
        data: { fromRight: { box: null } },
        errors: false,
      },
    },
    {
      name: 'only the member the starting subgraph lacks',
      query: '{ fromLeft { box { items { __typename ... on RightOnly { right } } } } }',
      data: { fromLeft: { box: { items: [{ __typename: 'Common' }, { __typename: 'LeftOnly' }] } } },
      errors: false,
    },
    {
      name: 'a shareable root field either subgraph answers',
      query: '{ both { box { items { __typename ... on Common { label } ... on LeftOnly { left } ... on RightOnly { right } } } } }',
      data: { both: { box: { items: [{ __typename: 'Common', label: 'both' }] } } },
      errors: false,
    },
    {
      name: 'after an entity hop to the other subgraph',
      query: '{ fromLeft { rightBox { items { __typename ... on Common { label } ... on LeftOnly { left } ... on RightOnly { right } } } } }',
      data: { fromLeft: { rightBox: { items: [{ __typename: 'Common', label: 'both' }, { __typename: 'RightOnly', right: 'R' }] } } },
      errors: false,
    },
  ],
);

const media: Record<string, { __typename: string; id: string; title: string }> = {
  s1: { __typename: 'Song', id: 's1', title: 'Blue' },
  v1: { __typename: 'Video', id: 'v1', title: 'Alien' },
};
const ratings: Record<string, number> = { s1: 4, v1: 5 };

// `ratings` adds fields to every Media through @interfaceObject, without knowing its implementations.
describeConformance(
  '@interfaceObject',
  [
    {
      name: 'media',
      typeDefs: `${federationLink('2.3', ['@key'])}
        interface Media @key(fields: "id") { id: ID! title: String! }
        type Song implements Media @key(fields: "id") { id: ID! title: String! length: Int! }
        type Video implements Media @key(fields: "id") { id: ID! title: String! }
        type Query { media: [Media!]! }`,
      resolvers: {
        Query: { media: () => [media.s1, media.v1] },
        Media: { __resolveReference: ({ id }: { id: string }) => media[id] },
        Song: { __resolveReference: ({ id }: { id: string }) => media[id], length: () => 180 },
        Video: { __resolveReference: ({ id }: { id: string }) => media[id] },
      },
    },
    {
      name: 'ratings',
      typeDefs: `${federationLink('2.3', ['@key', '@interfaceObject'])}
        type Media @key(fields: "id") @interfaceObject { id: ID! stars: Int! }
        type Query { topRated: Media }`,
      resolvers: {
        Query: { topRated: () => ({ id: 'v1' }) },
        Media: { __resolveReference: ({ id }: { id: string }) => ({ id }), stars: ({ id }: { id: string }) => ratings[id] },
      },
    },
  ],
  [
    {
      name: 'a field of the interface object on every implementation',
      query: '{ media { __typename title stars ... on Song { length } } }',
      data: {
        media: [
          { __typename: 'Song', title: 'Blue', stars: 4, length: 180 },
          { __typename: 'Video', title: 'Alien', stars: 5 },
        ],
      },
      errors: false,
    },
    {
      name: 'the implementation behind an interface object the other subgraph returns',
      query: '{ topRated { __typename id title stars ... on Song { length } } }',
      data: { topRated: { __typename: 'Video', id: 'v1', title: 'Alien', stars: 5 } },
      errors: false,
    },
  ],
);
