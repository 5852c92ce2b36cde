import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { CORS_ALLOWED_HEADERS } from '@bff/gateway/cors';

export interface GraphqlHttpApiProps {
  apiName: string;
  handler: IFunction;
  /** Methods routed to the function on `/graphql`. */
  methods: HttpMethod[];
  /** The route's authorizer; none means the function decides who may call. */
  authorizer?: IHttpRouteAuthorizer;
  /** Browser origins allowed by CORS; none turns CORS off. */
  corsOrigins?: string[];
  retain: boolean;
  throttle?: { rateLimit: number; burstLimit: number };
}

// Fields every HTTP API supports; the caller's ARN shows who an IAM-authorized call came from.
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    caller: '$context.identity.userArn',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latency: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
  }),
);

/** An HTTP API (API Gateway v2) with `/graphql` routed to one Lambda, and access logs. */
export class GraphqlHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** `https://<api>.execute-api.<region>.amazonaws.com/graphql` */
  readonly graphqlUrl: string;

  constructor(scope: Construct, id: string, props: GraphqlHttpApiProps) {
    super(scope, id);
    const corsOrigins = props.corsOrigins ?? [];
    this.api = new HttpApi(this, 'Api', {
      apiName: props.apiName,
      // The stage is made below, with access logs, which the default stage cannot have.
      createDefaultStage: false,
      ...(corsOrigins.length
        ? {
            corsPreflight: {
              allowOrigins: corsOrigins,
              allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
              allowHeaders: [...CORS_ALLOWED_HEADERS],
              exposeHeaders: ['x-request-id'],
              allowCredentials: true,
              maxAge: Duration.minutes(10),
            },
          }
        : {}),
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.retain ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
      ...(props.throttle ? { throttle: props.throttle } : {}),
    });
    this.api.addRoutes({
      path: '/graphql',
      methods: props.methods,
      integration: new HttpLambdaIntegration('Graphql', props.handler),
      ...(props.authorizer ? { authorizer: props.authorizer } : {}),
    });
    this.graphqlUrl = `${this.stage.url}graphql`;
  }

  /** The execute-api ARN of `POST /graphql` on this API: what a caller needs `execute-api:Invoke` on. */
  postGraphqlArn(): string {
    return this.api.arnForExecuteApi(HttpMethod.POST, '/graphql', '$default');
  }
}
