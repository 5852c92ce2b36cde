import { join } from 'node:path';

import { serviceVariables } from '@bff/kit/catalogue';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';

import { findRepoRoot } from '../lib/repoRoot';
import { Subgraph, type SubgraphService } from '../lib/subgraph';
import { reviewsTable } from './fixtures/reviews/handler';
import { createTestApp, flatten } from './support/testApp';

const repoRoot = findRepoRoot();
const reviews: SubgraphService = {
  name: 'reviews',
  entry: join('infra/test/fixtures/reviews/handler.ts'),
  schemaFile: 'infra/test/fixtures/reviews/schema.graphql',
  table: reviewsTable,
  tableEnv: serviceVariables('reviews').table.env,
};

it('needs only a new Subgraph: the gateway and the other stacks stay exactly as they were', () => {
  const before = createTestApp();
  const after = createTestApp();
  const stack = new Stack(after.app, 'bff-dev-reviews');
  new Subgraph(stack, 'Subgraph', { settings: after.stacks.settings, service: reviews, repoRoot });

  const unchanged = (stacks: typeof before.stacks) => [stacks.shared, ...stacks.subgraphs, stacks.gateway].map((s) => Template.fromStack(s).toJSON());
  expect(unchanged(after.stacks)).toEqual(unchanged(before.stacks));

  const t = Template.fromStack(stack);
  const entry = Object.values(t.findResources('AWS::SSM::Parameter', { Properties: { Name: '/bff/dev/subgraphs/reviews' } }))[0] as {
    Properties: { Value: unknown };
  };
  expect(JSON.parse(flatten(entry.Properties.Value)) as unknown).toMatchObject({ name: 'reviews', sdl: expect.stringContaining('type Review @key') as unknown });
  t.hasResourceProperties('AWS::IAM::Policy', {
    PolicyName: 'bff-dev-invoke-reviews',
    Roles: [{ 'Fn::Join': ['', ['bff-dev-', { Ref: 'AWS::Region' }, '-gateway']] }],
    PolicyDocument: { Statement: [Match.objectLike({ Action: 'execute-api:Invoke' })] },
  });
  t.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'reviews-dev-graphql', Runtime: 'nodejs24.x', Architectures: ['arm64'] });
  t.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /graphql', AuthorizationType: 'AWS_IAM' });
  t.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
    TableName: 'bff-dev-reviews',
    GlobalSecondaryIndexes: [Match.objectLike({ IndexName: 'byArticle', Projection: { ProjectionType: 'ALL' } })],
  });
});
