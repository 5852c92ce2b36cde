import type { gatewayEnvSchema } from '@bff/gateway/settings';
import { Aws, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { Policy, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';

import { type AppSettings, authSecretArnParameterName, gatewayRoleName, isProdStage, registryPrefix, stackName } from './appSettings';
import { GraphqlFunction } from './graphqlFunction';
import { GraphqlHttpApi } from './graphqlHttpApi';
import type { SubgraphService } from './subgraph';

export interface GatewayStackProps extends StackProps {
  repoRoot: string;
  /** The subgraphs this app deploys: the registry of the gateway's first request at build time (its code cache). */
  subgraphs: SubgraphService[];
}

/** The name of a variable the gateway reads. */
type GatewayEnvName = keyof typeof gatewayEnvSchema.shape;

/** The gateway's first request at build time: the example frontend's first screen. */
const WARM_UP_QUERY_FILE = 'frontend/src/operations/ArticleList.graphql';

/**
 * The public endpoint: the gateway Lambda behind an HTTP API. It finds the
 * subgraphs in the registry at run time, so this stack does not change when a
 * subgraph is added; the right to call each subgraph comes with that subgraph's stack.
 */
export class GatewayStack extends Stack {
  readonly function: GraphqlFunction;
  readonly http: GraphqlHttpApi;

  constructor(scope: Construct, settings: AppSettings, props: GatewayStackProps) {
    const name = stackName(settings, 'gateway');
    super(scope, name, { ...props, stackName: name, description: `${settings.app} ${settings.stage}: the GraphQL gateway` });
    const { stage } = settings;
    const retain = isProdStage(stage);
    const authSecretArn = StringParameter.valueForStringParameter(this, authSecretArnParameterName(settings));
    // Made by the shared stack; what this stack grants it goes into a policy of this stack.
    const role = Role.fromRoleName(this, 'Role', gatewayRoleName(settings, Aws.REGION));
    const prefix = registryPrefix(settings);
    const registryPath = prefix.replace(/\/$/, '');

    const permissions = new Policy(this, 'Permissions', {
      roles: [role],
      statements: [
        new PolicyStatement({
          actions: ['ssm:GetParametersByPath'],
          // GetParametersByPath is authorized on the path itself; GetParameter(s) on the parameters under it.
          resources: [this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: registryPath.slice(1) })],
        }),
        new PolicyStatement({
          actions: ['ssm:GetParameter', 'ssm:GetParameters'],
          resources: [
            this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: `${registryPath.slice(1)}/*` }),
            // A supergraph composed elsewhere may sit beside the subgraphs (`/<app>/<stage>/supergraph`):
            // the gateway asks for it on every look at the registry, so it must be allowed to, even when absent.
            this.formatArn({ service: 'ssm', resource: 'parameter', resourceName: `${registryPath.slice(1).replace(/[^/]+$/, 'supergraph')}` }),
          ],
        }),
        new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [authSecretArn] }),
      ],
    });

    this.function = new GraphqlFunction(this, 'Graphql', {
      functionName: `gateway-${stage}-graphql`,
      entry: 'gateway/src/handler.ts',
      repoRoot: props.repoRoot,
      role,
      retain,
      // API Gateway gives up at 30 s; the gateway's own per-subgraph timeouts are well under this.
      timeout: Duration.seconds(29),
      // Only the configured engine goes into the bundle (see gateway/src/engines/createEngine.ts).
      define: { 'globalThis.BFF_BUNDLED_ENGINE': JSON.stringify(settings.gatewayEngine) },
      codeCache: settings.codeCache,
      warmUp: {
        kind: 'gateway',
        queryFile: WARM_UP_QUERY_FILE,
        subgraphs: props.subgraphs.map((service) => ({ name: service.name, schemaFile: service.schemaFile })),
      },
      environment: {
        POWERTOOLS_SERVICE_NAME: 'gateway',
        // By the names of the gateway's settings schema: a misspelt one fails the type-check.
        ...({
          REGISTRY_SSM_PREFIX: prefix,
          GATEWAY_ENGINE: settings.gatewayEngine,
          CORS_ORIGINS: settings.corsOrigins.join(','),
          UPSTREAM_SIGV4: 'true',
          AUTH_SECRET_ARN: authSecretArn,
        } satisfies Partial<Record<GatewayEnvName, string>>),
      },
    });
    this.function.function.node.addDependency(permissions);

    this.http = new GraphqlHttpApi(this, 'Http', {
      apiName: `${settings.app}-${stage}-gateway`,
      handler: this.function.function,
      methods: [HttpMethod.GET, HttpMethod.POST],
      corsOrigins: settings.corsOrigins,
      retain,
      throttle: settings.gatewayThrottle,
    });

    new CfnOutput(this, 'Url', { value: this.http.graphqlUrl, description: 'The GraphQL endpoint for the frontend' });

    Validations.of(this.http).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The public GraphQL endpoint: anonymous queries are part of the API, and the gateway itself checks the Bearer JWT ' +
        'of every request that carries one.',
    });
    Validations.of(permissions).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:parameter${registryPath}/*]`,
      reason: 'The registry: every parameter under this stage\'s subgraphs path, which grows as subgraphs are deployed.',
    });
  }
}
