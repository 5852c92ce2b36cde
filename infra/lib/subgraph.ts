import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { idempotencyTable, idempotencyTableEnv, type RuntimeEnvName, type TableDefinition } from '@bff/kit/core';
import { Aws, CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { CfnGlobalTable, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IRole, Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

import {
  type AppSettings,
  apiIdParameterName,
  authSecretArnParameterName,
  gatewayRoleName,
  isProdStage,
  registryPrefix,
} from './appSettings';
import { GraphqlFunction } from './graphqlFunction';
import { GraphqlHttpApi } from './graphqlHttpApi';
import { preparedSchemaDefine } from './preparedSchemaDefine';
import { registryEntry } from './registryEntry';
import { tableFromDefinition } from './tableFromDefinition';

/** What the stacks need to know about one service. */
export interface SubgraphService {
  /** `users`: the registry name, and part of every resource name. */
  name: string;
  /** The Lambda entry exporting `handler`, relative to the repository root. */
  entry: string;
  /** The subgraph SDL, relative to the repository root: published in the registry. */
  schemaFile: string;
  table: TableDefinition;
  /** The environment variable the service reads its table name from (the catalogue's `table.env`). */
  tableEnv: string;
  /** Other subgraphs this one calls directly, and the variable their URL goes in. */
  calls?: { subgraph: string; urlEnv: string }[];
}

/**
 * The DynamoDB actions the services' stores use. A store that starts using another
 * one fails with AccessDenied until it is added here: the role stays exactly as wide as the code.
 */
export const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
];

/** The actions Powertools' DynamoDB persistence layer uses on an idempotency table. */
export const IDEMPOTENCY_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'];

export interface SubgraphProps {
  settings: AppSettings;
  service: SubgraphService;
  repoRoot: string;
  /** Defaults to the shared stack's secret, found through its SSM parameter at deploy time. */
  authSecretArn?: string;
  /** Defaults to the shared stack's gateway role, found by its fixed name. */
  gatewayRole?: IRole;
}

/** The API id that a subgraph stack published, read at deploy time (no synth-time lookup). */
function publishedApiId(scope: Construct, settings: AppSettings, subgraph: string): string {
  return StringParameter.valueForStringParameter(scope, apiIdParameterName(settings, subgraph));
}

/**
 * One federation subgraph: its Lambda, its HTTP API (IAM authorization: only
 * callers granted `execute-api:Invoke` get through), its table, its registry
 * entry, and the gateway's right to call it. Everything a new service needs is
 * one of these: the gateway finds it in the registry, with no change of its own.
 */
export class Subgraph extends Construct {
  readonly table: TableV2;
  /** Where its mutations' results are kept for repeats of their idempotency key (expired by TTL). */
  readonly idempotencyTable: TableV2;
  readonly role: Role;
  readonly function: GraphqlFunction;
  readonly http: GraphqlHttpApi;
  readonly registryParameter: StringParameter;

  constructor(scope: Construct, id: string, props: SubgraphProps) {
    super(scope, id);
    const { settings, service } = props;
    const { app, stage } = settings;
    const retain = isProdStage(stage);
    const authSecretArn = props.authSecretArn ?? StringParameter.valueForStringParameter(this, authSecretArnParameterName(settings));
    const gatewayRole = props.gatewayRole ?? Role.fromRoleName(this, 'GatewayRole', gatewayRoleName(settings, Aws.REGION));

    this.table = tableFromDefinition(this, 'Table', { tableName: `${app}-${stage}-${service.name}`, definition: service.table, retain });
    // Records of a day at most: nothing to keep when the stack goes, whatever the stage.
    this.idempotencyTable = tableFromDefinition(this, 'IdempotencyTable', {
      tableName: `${app}-${stage}-${service.name}-idempotency`,
      definition: idempotencyTable,
      retain: false,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `The ${service.name} subgraph (${stage}): its own tables, log group and the auth secret, nothing else`,
    });
    this.table.grant(this.role, ...TABLE_ACTIONS);
    this.idempotencyTable.grant(this.role, ...IDEMPOTENCY_TABLE_ACTIONS);
    this.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [authSecretArn] }));

    // The kit's variables by their schema's names (a misspelt one fails the type-check), then the service's own.
    const runtime: Partial<Record<RuntimeEnvName, string>> = {
      AUTH_SECRET_ARN: authSecretArn,
      // Calls to other subgraphs must pass their IAM authorization, as the gateway's do.
      ...(service.calls?.length ? { UPSTREAM_SIGV4: 'true' } : {}),
    };
    const environment: Record<string, string> = {
      [service.tableEnv]: this.table.tableName,
      [idempotencyTableEnv(service.name)]: this.idempotencyTable.tableName,
      ...runtime,
      POWERTOOLS_SERVICE_NAME: service.name,
    };
    for (const call of service.calls ?? []) {
      const apiId = publishedApiId(this, settings, call.subgraph);
      environment[call.urlEnv] = `https://${apiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/graphql`;
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['execute-api:Invoke'],
          resources: [Stack.of(this).formatArn({ service: 'execute-api', resource: apiId, resourceName: '$default/POST/graphql' })],
        }),
      );
    }

    const sdl = readFileSync(join(props.repoRoot, service.schemaFile), 'utf8');
    this.function = new GraphqlFunction(this, 'Graphql', {
      functionName: `${service.name}-${stage}-graphql`,
      entry: service.entry,
      repoRoot: props.repoRoot,
      role: this.role,
      environment,
      retain,
      timeout: Duration.seconds(10),
      // The schema's federation work done here, once, rather than at every cold start (see the kit's subgraphSchema).
      define: preparedSchemaDefine(sdl),
      codeCache: settings.codeCache,
      warmUp: { kind: 'subgraph', schemaFile: service.schemaFile },
    });

    this.http = new GraphqlHttpApi(this, 'Http', {
      apiName: `${app}-${stage}-${service.name}`,
      handler: this.function.function,
      methods: [HttpMethod.POST],
      authorizer: new HttpIamAuthorizer(),
      retain,
    });

    this.registryParameter = new StringParameter(this, 'Registry', {
      parameterName: `${registryPrefix(settings)}${service.name}`,
      description: `The ${service.name} subgraph in the registry the gateway composes from`,
      stringValue: registryEntry(this, { name: service.name, url: this.http.graphqlUrl, sdl }),
      // Standard while the entry fits in 4 KB, Advanced (8 KB) once the SDL grows past it, with no deploy failing in between.
      tier: ParameterTier.INTELLIGENT_TIERING,
    });
    new StringParameter(this, 'ApiId', {
      parameterName: apiIdParameterName(settings, service.name),
      description: `The ${service.name} subgraph's HTTP API id, for other services that call it`,
      stringValue: this.http.api.apiId,
      tier: ParameterTier.STANDARD,
    });

    // HTTP APIs have no resource policies: the gateway may call this API because its role says so.
    // The statement lives here, so that it comes and goes with this subgraph.
    const invoke = new Policy(this, 'GatewayInvoke', {
      policyName: `${app}-${stage}-invoke-${service.name}`,
      statements: [new PolicyStatement({ actions: ['execute-api:Invoke'], resources: [this.http.postGraphqlArn()] })],
    });
    gatewayRole.attachInlinePolicy(invoke);

    new CfnOutput(this, 'Url', { value: this.http.graphqlUrl, description: `The ${service.name} subgraph (IAM-authorized)` });

    if (service.table.globalIndexes?.length) {
      const tableId = Stack.of(this).getLogicalId(this.table.node.defaultChild as CfnGlobalTable);
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
        reason: 'The indexes of this service\'s own table, which its list queries read.',
      });
    }
  }
}
