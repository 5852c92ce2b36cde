import { join } from 'node:path';

import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The Lambda runtime of every function: the newest Node.js Lambda offers. */
export const RUNTIME = Runtime.NODEJS_24_X;

export interface GraphqlFunctionProps {
  /** `{service}-{stage}-graphql`. */
  functionName: string;
  /** The TypeScript entry exporting `handler`, relative to the repository root. */
  entry: string;
  repoRoot: string;
  /** The execution role; this construct adds only the right to write its own log group. */
  role: IRole;
  environment: Record<string, string>;
  /** Production: logs kept longer, and kept when the stack goes. */
  retain: boolean;
  timeout?: Duration;
  memorySize?: number;
  /** Build-time constants (esbuild `define`), e.g. to leave code the function never runs out of its bundle. */
  define?: Record<string, string>;
}

/**
 * A GraphQL Lambda (API Gateway HTTP API payload 2.0): bundled with the locally
 * installed esbuild, every dependency included, `.graphql` imported as text.
 */
export class GraphqlFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: GraphqlFunctionProps) {
    super(scope, id);
    // Our own log group (rather than the one Lambda creates on first write) so that retention is set
    // from the start and the role can be granted this group alone.
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.retain ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH,
      removalPolicy: props.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    const logWrite = this.logGroup.grantWrite(props.role);

    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: join(props.repoRoot, props.entry),
      handler: 'handler',
      projectRoot: props.repoRoot,
      depsLockFilePath: join(props.repoRoot, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role: props.role,
      logGroup: this.logGroup,
      environment: {
        NODE_ENV: 'production',
        // No NODE_OPTIONS=--enable-source-maps: Node would parse the whole map at every cold start
        // (40-140 ms measured by `npm run bench -- --profile`). The map ships beside the bundle for
        // reading a minified stack trace back to the sources.
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.CJS,
        minify: true,
        sourceMap: true,
        // Stack traces need names and lines, not the original sources: keeps the map small.
        sourcesContent: false,
        loader: { '.graphql': 'text' },
        define: props.define,
        // The SDK goes into the bundle too: the version tested is the version that runs, whatever
        // the runtime ships, and the bundle test can load it with no node_modules around.
        bundleAwsSDK: true,
        externalModules: [],
      },
    });
    // The role's policy must exist before Lambda first runs the function.
    logWrite.applyBefore(this.function);
  }
}
