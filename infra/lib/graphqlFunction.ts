import { join } from 'node:path';

import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, RuntimeManagementMode } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

import type { CodeCacheSettings } from './codeCache/codeCacheSettings';
import type { WarmUpJob, WarmUpTarget } from './codeCache/warmUpTarget';

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
  /** Where the bundle's V8 code cache is made, if anywhere. */
  codeCache: CodeCacheSettings;
  /** The function's first request, made at build time for the code cache. */
  warmUp: WarmUpTarget;
}

/** graphql's files imported by path by the bundled packages, each to its ESM twin (the bare `graphql` resolves to index.mjs). */
const GRAPHQL_ESM_ALIASES = Object.fromEntries(
  ['validation/index', 'validation/validate', 'validation/specifiedRules'].map((file) => [
    `--alias:graphql/${file.replace(/\/index$/, '')}`,
    `graphql/${file}.mjs`,
  ]),
);

// Single-quoted for bash, which runs the bundling hooks.
const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A GraphQL Lambda (API Gateway HTTP API payload 2.0): bundled with the locally
 * installed esbuild, every dependency included, `.graphql` imported as text. Lambda
 * runs `loader.handler`: a small loader that compiles the bundle with the V8 code
 * cache made for it by the build (infra/scripts/codeCache.mjs), or without one.
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
    const memorySize = props.memorySize ?? 1024;
    const hook = [process.execPath, join(props.repoRoot, 'infra/scripts/codeCache.mjs')].map(shellQuote).join(' ');
    const job = props.codeCache.mode === 'off' ? undefined : warmUpJob(props, memorySize);

    this.function = new NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      entry: join(props.repoRoot, props.entry),
      handler: 'loader.handler',
      projectRoot: props.repoRoot,
      depsLockFilePath: join(props.repoRoot, 'package-lock.json'),
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      // A cache made for Lambda fits one runtime version: the function takes a new one only when deployed
      // (and its cache made again), or stays on the version named.
      ...(props.codeCache.mode === 'lambda'
        ? {
            runtimeManagementMode: props.codeCache.lambdaRuntimeVersionArn
              ? RuntimeManagementMode.manual(props.codeCache.lambdaRuntimeVersionArn)
              : RuntimeManagementMode.FUNCTION_UPDATE,
          }
        : {}),
      memorySize,
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
        // ESM builds first, as CDK does for ESM output: an npm package's CommonJS build, imported from
        // ESM, costs a copy of its exports per importing module at every cold start (esbuild's __toESM:
        // 288 in the gateway, 15-20 ms), and tree-shakes worse. graphql's deep imports (from
        // @apollo/subgraph) are pointed at its ESM files too, so that one graphql is bundled, not two.
        mainFields: ['module', 'main'],
        esbuildArgs: {
          ...GRAPHQL_ESM_ALIASES,
          // A package's ESM entry for require() too: CommonJS packages requiring one (@as-integrations/aws-lambda
          // requires @apollo/server) would otherwise bundle a second copy, CommonJS and its own dependencies,
          // and copy graphql's exports at each of their require() calls (users: 1.5 to 1.1 MB).
          '--conditions': 'import,module',
          // import() of Node's built-ins (the SDK's HTTP handler, Powertools) as require(): the loader
          // compiles the bundle with vm.Script, where import() needs an experimental callback that Node 20
          // loses when the code comes from the cache.
          '--supported:dynamic-import': 'false',
        },
        // The SDK goes into the bundle too: the version tested is the version that runs, whatever
        // the runtime ships, and the bundle test can load it with no node_modules around.
        bundleAwsSDK: true,
        externalModules: [],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [`${hook} ${shellQuote(outputDir)}${job ? ` ${job}` : ''}`],
        },
      },
    });
    // The role's policy must exist before Lambda first runs the function.
    logWrite.applyBefore(this.function);
  }
}

/** The warm-up's instructions for the hook, as base64 JSON (no quoting to get wrong). */
function warmUpJob(props: GraphqlFunctionProps, memorySize: number): string {
  const environment = Object.fromEntries(
    Object.entries({ NODE_ENV: 'production', ...props.environment }).map(([name, value]) => [
      name,
      // Known only at deploy time (table names, ARNs): present, as the function checks, but a stand-in.
      Token.isUnresolved(value) ? 'warm-up' : value,
    ]),
  );
  const job: WarmUpJob = {
    repoRoot: props.repoRoot,
    functionName: props.functionName,
    memorySize,
    environment,
    target: props.warmUp,
    mode: props.codeCache.mode === 'lambda' ? 'lambda' : 'local',
    image: props.codeCache.image,
    ...(props.codeCache.node ? { node: props.codeCache.node } : {}),
  };
  return Buffer.from(JSON.stringify(job)).toString('base64');
}
