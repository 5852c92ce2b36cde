import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { idempotencyTable, idempotencyTableEnv } from '@bff/kit';
import { createTableInput } from '@bff/kit/local';
import { Match, Template } from 'aws-cdk-lib/assertions';

import { findRepoRoot } from '../lib/repoRoot';
import { SERVICES } from '../lib/services';
import { IDEMPOTENCY_TABLE_ACTIONS, TABLE_ACTIONS } from '../lib/subgraph';
import { createTestApp, flatten } from './support/testApp';

type Resource = { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string };
type Statement = { Action: string | string[]; Effect: string; Resource: unknown };

const repoRoot = findRepoRoot();
const { stacks } = createTestApp({ context: { corsOrigins: 'https://app.example.com, https://admin.example.com' } });
const templates = new Map(
  [stacks.shared, ...stacks.subgraphs, stacks.gateway].map((stack) => [stack.stackName, Template.fromStack(stack)] as const),
);
const template = (name: string): Template => {
  const found = templates.get(name);
  if (!found) throw new Error(`no stack ${name}`);
  return found;
};
const only = (t: Template, type: string): [string, Resource] => {
  const entries = Object.entries(t.findResources(type)) as [string, Resource][];
  expect(entries).toHaveLength(1);
  return entries[0]!;
};
const statementsOf = (t: Template): Statement[] =>
  Object.values(t.findResources('AWS::IAM::Policy')).flatMap(
    (policy) => (policy as Resource).Properties.PolicyDocument as { Statement: Statement[] },
  ).flatMap((document) => document.Statement);
const actions = (statement: Statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);
const resources = (statement: Statement) => (Array.isArray(statement.Resource) ? statement.Resource : [statement.Resource]).map(flatten);

it('makes one stack per service, the gateway and the shared stack, named <app>-<stage>-<part>', () => {
  expect([...templates.keys()]).toEqual(['bff-dev-shared', 'bff-dev-users', 'bff-dev-articles', 'bff-dev-comments', 'bff-dev-gateway']);
});

describe.each(SERVICES)('the $name subgraph stack', (service) => {
  const t = template(`bff-dev-${service.name}`);
  // Two tables: the service's own, and the one its mutations' idempotency records go in.
  const tables = Object.entries(t.findResources('AWS::DynamoDB::GlobalTable')) as [string, Resource][];
  const tableNamed = (name: string): [string, Resource] => tables.find(([, resource]) => resource.Properties.TableName === name)!;
  const [tableId, table] = tableNamed(`bff-dev-${service.name}`);
  const [idempotencyTableId, idempotencyTableResource] = tableNamed(`bff-dev-${service.name}-idempotency`);
  const [roleId] = only(t, 'AWS::IAM::Role');
  // The function's log group is the one with a name; the API's access log group has none.
  const [logGroupId, logGroup] = (
    Object.entries(t.findResources('AWS::Logs::LogGroup', { Properties: { LogGroupName: Match.anyValue() } })) as [string, Resource][]
  )[0]!;
  const [apiId] = only(t, 'AWS::ApiGatewayV2::Api');

  it('runs its handler on arm64 with a current Node.js, named {service}-{stage}-graphql, with its table and the auth secret', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: `${service.name}-dev-graphql`,
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      // The loader that compiles the bundle with its V8 code cache (infra/lib/codeCache/loader.ts).
      Handler: 'loader.handler',
      Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
      LoggingConfig: { LogGroup: { Ref: logGroupId } },
      Environment: {
        Variables: Match.objectLike({
          NODE_ENV: 'production',
          [service.tableEnv]: { Ref: tableId },
          [idempotencyTableEnv(service.name)]: { Ref: idempotencyTableId },
          AUTH_SECRET_ARN: { Ref: Match.stringLikeRegexp('^SsmParameterValuebffdevsharedauthsecretarn') },
          POWERTOOLS_SERVICE_NAME: service.name,
        }),
      },
    });
    expect(logGroup.Properties).toMatchObject({ LogGroupName: `/aws/lambda/${service.name}-dev-graphql`, RetentionInDays: 30 });
    expect(t.toJSON().Parameters).toMatchObject({
      [`SsmParameterValuebffdevsharedauthsecretarnC96584B6F00A464EAD1953AFF4B05118Parameter`]: {
        Type: 'AWS::SSM::Parameter::Value<String>',
        Default: '/bff/dev/shared/auth-secret-arn',
      },
    });
  });

  it('puts its API behind IAM authorization, POST /graphql only', () => {
    const routes = Object.values(t.findResources('AWS::ApiGatewayV2::Route')) as Resource[];
    expect(routes.map((route) => route.Properties)).toEqual([
      expect.objectContaining({ RouteKey: 'POST /graphql', AuthorizationType: 'AWS_IAM', ApiId: { Ref: apiId } }),
    ]);
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', { StageName: '$default', AutoDeploy: true, AccessLogSettings: Match.objectLike({}) });
  });

  it('builds its table from the definition the local store uses: keys, indexes, on-demand, point-in-time recovery', () => {
    const props = table.Properties as {
      TableName: string;
      KeySchema: unknown;
      AttributeDefinitions: { AttributeName: string }[];
      GlobalSecondaryIndexes?: { IndexName: string; KeySchema: unknown; Projection: unknown }[];
      BillingMode: string;
      Replicas: { PointInTimeRecoverySpecification?: { PointInTimeRecoveryEnabled: boolean } }[];
      TimeToLiveSpecification?: { AttributeName: string; Enabled: boolean };
    };
    const local = createTableInput(props.TableName, service.table);
    const byName = (a: { AttributeName: string }, b: { AttributeName: string }) => a.AttributeName.localeCompare(b.AttributeName);
    expect(props.TableName).toBe(`bff-dev-${service.name}`);
    expect(props.KeySchema).toEqual(local.KeySchema);
    expect([...props.AttributeDefinitions].sort(byName)).toEqual([...local.AttributeDefinitions].sort(byName));
    expect(props.GlobalSecondaryIndexes ?? []).toEqual(local.GlobalSecondaryIndexes ?? []);
    expect(props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(props.Replicas).toEqual([expect.objectContaining({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })]);
    expect(table.DeletionPolicy).toBe('Delete');
    // Items that carry their own expiry (login-attempt windows) are removed by DynamoDB's TTL.
    expect(props.TimeToLiveSpecification).toEqual(
      service.table.timeToLiveAttribute ? { AttributeName: service.table.timeToLiveAttribute, Enabled: true } : undefined,
    );
  });

  it('has exactly those two tables', () => {
    expect(tables.map(([id]) => id).sort()).toEqual([tableId, idempotencyTableId].sort());
  });

  it('builds its idempotency table from the kit\'s shared definition (Powertools\' layout), with TTL on `expiration`', () => {
    const props = idempotencyTableResource.Properties as { TableName: string; KeySchema: unknown; AttributeDefinitions: unknown; GlobalSecondaryIndexes?: unknown };
    const local = createTableInput(props.TableName, idempotencyTable);
    expect(props.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(props.KeySchema).toEqual(local.KeySchema);
    expect(props.AttributeDefinitions).toEqual(local.AttributeDefinitions);
    expect(props.GlobalSecondaryIndexes).toBeUndefined();
    expect(idempotencyTableResource.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
    // Records that live a day: nothing to keep when the stack goes.
    expect(idempotencyTableResource.DeletionPolicy).toBe('Delete');
  });

  it('lets its role touch its own two tables, log group and the auth secret, and nothing else', () => {
    const statements = (
      Object.entries(t.findResources('AWS::IAM::Policy')) as [string, Resource][]
    )
      .filter(([, policy]) => flatten((policy.Properties.Roles as unknown[])[0]) === `\${${roleId}}`)
      .flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    const table = `\${${tableId}.Arn}`;
    const idempotency = `\${${idempotencyTableId}.Arn}`;
    // Each table in a statement of its own, with the actions its code uses.
    const ownTables = new Map<string, { resources: string[]; actions: string[] }>([
      [table, { resources: service.table.globalIndexes?.length ? [table, `${table}/index/*`] : [table], actions: TABLE_ACTIONS }],
      [idempotency, { resources: [idempotency], actions: IDEMPOTENCY_TABLE_ACTIONS }],
    ]);
    const allowed = new Map<string, string[]>([
      ['logs', [`\${${logGroupId}.Arn}`]],
      ['secretsmanager', [expect.stringMatching(/^\$\{SsmParameterValuebffdevsharedauthsecretarn/)]],
      ...(service.calls?.length
        ? ([['execute-api', [expect.stringMatching(/^arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\$\{SsmParameterValuebffdevapisarticles\w+\}\/\$default\/POST\/graphql$/)]]] as [string, string[]][])
        : []),
    ]);
    const seen = new Set<string>();
    const tablesSeen = new Set<string>();
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      const prefix = actions(statement)[0]!.split(':')[0]!;
      seen.add(prefix);
      expect(actions(statement).every((action) => action.startsWith(`${prefix}:`) && !action.includes('*'))).toBe(true);
      if (prefix === 'dynamodb') {
        const own = ownTables.get(resources(statement)[0]!);
        expect(resources(statement)).toEqual(own?.resources);
        expect([...actions(statement)].sort()).toEqual([...own!.actions].sort());
        tablesSeen.add(resources(statement)[0]!);
      } else {
        expect(resources(statement)).toEqual(allowed.get(prefix));
      }
    }
    expect([...seen].sort()).toEqual(['dynamodb', ...allowed.keys()].sort());
    expect([...tablesSeen].sort()).toEqual([table, idempotency].sort());
  });

  it('publishes its URL and SDL in the registry, and its API id for other callers', () => {
    const parameters = Object.values(t.findResources('AWS::SSM::Parameter')) as Resource[];
    const registry = parameters.find((parameter) => parameter.Properties.Name === `/bff/dev/subgraphs/${service.name}`)!;
    expect(registry.Properties.Tier).toBe('Intelligent-Tiering');
    const entry = JSON.parse(flatten(registry.Properties.Value)) as { name: string; url: string; sdl: string };
    expect(entry).toEqual({
      name: service.name,
      url: `https://\${${apiId}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/graphql`,
      sdl: readFileSync(join(repoRoot, service.schemaFile), 'utf8'),
    });
    const published = parameters.find((parameter) => parameter.Properties.Name === `/bff/dev/apis/${service.name}`)!;
    expect(published.Properties.Value).toEqual({ Ref: apiId });
  });

  it('grants the gateway role invoke on POST /graphql of this API only', () => {
    const invoke = (Object.values(t.findResources('AWS::IAM::Policy')) as Resource[]).filter((policy) =>
      flatten(policy.Properties.PolicyDocument).includes('execute-api:Invoke') && flatten((policy.Properties.Roles as unknown[])[0]).endsWith('-gateway'),
    );
    expect(invoke).toHaveLength(1);
    expect(flatten((invoke[0]!.Properties.Roles as unknown[])[0])).toBe('bff-dev-${AWS::Region}-gateway');
    const [statement] = (invoke[0]!.Properties.PolicyDocument as { Statement: Statement[] }).Statement;
    expect(actions(statement!)).toEqual(['execute-api:Invoke']);
    expect(resources(statement!)).toEqual([
      `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${apiId}}/$default/POST/graphql`,
    ]);
  });
});

describe('the gateway stack', () => {
  const t = template('bff-dev-gateway');

  it('runs gateway-<stage>-graphql on arm64 with the registry, CORS, SigV4 and secret settings', () => {
    t.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'gateway-dev-graphql',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Role: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/bff-dev-', { Ref: 'AWS::Region' }, '-gateway']] },
      Environment: {
        Variables: Match.objectLike({
          NODE_ENV: 'production',
          REGISTRY_SSM_PREFIX: '/bff/dev/subgraphs/',
          GATEWAY_ENGINE: 'stitch',
          CORS_ORIGINS: 'https://app.example.com,https://admin.example.com',
          UPSTREAM_SIGV4: 'true',
          AUTH_SECRET_ARN: { Ref: Match.stringLikeRegexp('^SsmParameterValuebffdevsharedauthsecretarn') },
        }),
      },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: '/aws/lambda/gateway-dev-graphql', RetentionInDays: 30 });
  });

  it('serves GET and POST /graphql publicly, with CORS for the origins from context', () => {
    const routes = (Object.values(t.findResources('AWS::ApiGatewayV2::Route')) as Resource[]).map((route) => route.Properties);
    expect(routes.map((route) => [route.RouteKey, route.AuthorizationType ?? 'NONE']).sort()).toEqual([
      ['GET /graphql', 'NONE'],
      ['POST /graphql', 'NONE'],
    ]);
    t.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://app.example.com', 'https://admin.example.com'],
        // The frontend sends each mutation with its Idempotency-Key.
        AllowHeaders: Match.arrayWith(['authorization', 'idempotency-key']),
      }),
    });
  });

  it('throttles its stage at the edge (500 requests/s, bursts of 1000, by default)', () => {
    t.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 }),
    });
  });

  it('may read the registry path and the auth secret, and may invoke nothing itself', () => {
    const statements = statementsOf(t);
    const byAction = Object.fromEntries(statements.map((statement) => [actions(statement).join(','), resources(statement)]));
    expect(byAction).toEqual({
      'ssm:GetParametersByPath': ['arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/bff/dev/subgraphs'],
      'ssm:GetParameter,ssm:GetParameters': [
        'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/bff/dev/subgraphs/*',
        'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/bff/dev/supergraph',
      ],
      'secretsmanager:GetSecretValue': [expect.stringMatching(/^\$\{SsmParameterValuebffdevsharedauthsecretarn/)],
      'logs:CreateLogStream,logs:PutLogEvents': [expect.stringMatching(/^\$\{GraphqlLogs\w+\.Arn\}$/)],
    });
  });
});

describe('the shared stack', () => {
  const t = template('bff-dev-shared');

  it('creates the <app>/<stage>/auth secret with its three keys, generated, and publishes its ARN', () => {
    const secret = (Object.values(t.findResources('AWS::SecretsManager::Secret')) as Resource[]).find(
      (candidate) => candidate.Properties.Name === 'bff/dev/auth',
    )!;
    const value = flatten(secret.Properties.SecretString);
    // Each key is a dynamic reference to a secret that CloudFormation generates: no key material in the template.
    const reference = /"\{\{resolve:secretsmanager:\$\{(\w+)\}:SecretString:value::\}\}"/g;
    const parts = [...value.matchAll(reference)].map((match) => match[1]!);
    expect(Object.keys(JSON.parse(value.replace(reference, '"x"')) as object).sort()).toEqual(['cursorSecret', 'internalSigningSecret', 'jwtSecret']);
    expect(new Set(parts).size).toBe(3);
    const secrets = t.findResources('AWS::SecretsManager::Secret') as Record<string, Resource>;
    for (const part of parts) {
      expect(secrets[part]?.Properties.GenerateSecretString).toMatchObject({ GenerateStringKey: 'value', PasswordLength: 64 });
    }
    t.hasResourceProperties('AWS::SSM::Parameter', { Name: '/bff/dev/shared/auth-secret-arn', Value: Match.objectLike({}) });
  });

  it('creates the gateway role under its fixed name, with no permissions of its own', () => {
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: { 'Fn::Join': ['', ['bff-dev-', { Ref: 'AWS::Region' }, '-gateway']] },
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] }),
    });
    expect(t.findResources('AWS::IAM::Policy')).toEqual({});
    expect(JSON.stringify(t.toJSON())).not.toContain('ManagedPolicyArns');
  });
});

describe('context', () => {
  it('names everything after -c app and -c stage, and keeps a prod stage\'s data', () => {
    const prod = createTestApp({ context: { app: 'shop', stage: 'prod' } }).stacks;
    expect([prod.shared, ...prod.subgraphs, prod.gateway].map((stack) => stack.stackName)).toEqual([
      'shop-prod-shared',
      'shop-prod-users',
      'shop-prod-articles',
      'shop-prod-comments',
      'shop-prod-gateway',
    ]);
    const users = Template.fromStack(prod.subgraphs[0]!);
    users.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ TableName: 'shop-prod-users' }) });
    users.hasResourceProperties('AWS::SSM::Parameter', { Name: '/shop/prod/subgraphs/users' });
    users.hasResourceProperties('AWS::Lambda::Function', { FunctionName: 'users-prod-graphql' });
    const gateway = Template.fromStack(prod.gateway);
    gateway.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ REGISTRY_SSM_PREFIX: '/shop/prod/subgraphs/', CORS_ORIGINS: '' }) },
    });
    expect(gateway.findResources('AWS::ApiGatewayV2::Api', { Properties: { CorsConfiguration: Match.anyValue() } })).toEqual({});
    Template.fromStack(prod.shared).hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ Name: 'shop/prod/auth' }) });
  });

  it('takes the gateway\'s throttling from -c gatewayRateLimit and -c gatewayBurstLimit, and refuses nonsense', () => {
    const { stacks: custom } = createTestApp({ context: { gatewayRateLimit: '50', gatewayBurstLimit: '80' } });
    Template.fromStack(custom.gateway).hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 80 }),
    });
    expect(() => createTestApp({ context: { gatewayRateLimit: 'lots' } })).toThrow(/rateLimit must be a whole number/);
  });

  it('with a code cache made for Lambda (-c codeCache=lambda), takes runtime updates only at a deploy, or stays on the version named', () => {
    // Bundling is skipped in these tests: nothing is built, only the template is checked.
    const functions = (context: Record<string, string>) =>
      [createTestApp({ context }).stacks.gateway, ...createTestApp({ context }).stacks.subgraphs].map((stack) => Template.fromStack(stack));
    for (const t of functions({ codeCache: 'lambda' })) {
      t.hasResourceProperties('AWS::Lambda::Function', { Handler: 'loader.handler', RuntimeManagementConfig: { UpdateRuntimeOn: 'FunctionUpdate' } });
    }
    const arn = 'arn:aws:lambda:eu-west-1::runtime:0cdcfbdefbc5e7d3343f73c2e2dd3cba17d61dea0686b404502a0c9ce83931b9';
    for (const t of functions({ codeCache: 'lambda', lambdaRuntimeVersionArn: arn })) {
      t.hasResourceProperties('AWS::Lambda::Function', { RuntimeManagementConfig: { UpdateRuntimeOn: 'Manual', RuntimeVersionArn: arn } });
    }
    // Without a cache for Lambda, Lambda updates the runtime as it sees fit.
    for (const t of functions({})) expect(JSON.stringify(t.toJSON())).not.toContain('RuntimeManagementConfig');
    expect(() => createTestApp({ context: { codeCache: 'sometimes' } })).toThrow(/codeCache "sometimes" must be one of off, local, lambda/);
    expect(() => createTestApp({ context: { codeCache: 'lambda', lambdaRuntimeVersionArn: 'nodejs24.x' } })).toThrow(/not a runtime version ARN/);
  });

  it('refuses a stage name that cannot be part of every resource name', () => {
    expect(() => createTestApp({ context: { stage: 'Dev_1' } })).toThrow(/stage "Dev_1"/);
  });
});
