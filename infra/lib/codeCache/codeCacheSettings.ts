import type { App } from 'aws-cdk-lib';

/**
 * Where the V8 code cache shipped beside each bundle is made (`-c codeCache=...`):
 * - `off`: no cache; the loader compiles the bundle as `require` would.
 * - `lambda`: in the Lambda runtime's own image (Docker, arm64, the runtime's Node and
 *   V8 flags): the cache Lambda accepts. `npm run deploy` uses this.
 * - `local`: with a Node binary on this machine (`-c codeCacheNode=/path/to/node`, default
 *   the one running the build): for tests and the bench, which load the bundles here.
 */
export type CodeCacheMode = 'off' | 'local' | 'lambda';

export interface CodeCacheSettings {
  mode: CodeCacheMode;
  /** `local`: the Node binary that makes the cache (and must load it). */
  node?: string;
  /** `lambda`: the runtime image; its Node is the one Lambda runs (see `lambdaRuntimeVersionArn`). */
  image: string;
  /**
   * Pins the functions to one runtime version (`-c lambdaRuntimeVersionArn=...`, the ARN an
   * INIT_START log line names), the one `image` holds. Without it, a function takes the
   * runtime's updates only when it is deployed, when its cache is made again.
   */
  lambdaRuntimeVersionArn?: string;
}

/** The runtime image of the functions' runtime and architecture (nodejs24.x, arm64). */
const DEFAULT_CODE_CACHE_IMAGE = 'public.ecr.aws/lambda/nodejs:24-arm64';

const MODES: readonly CodeCacheMode[] = ['off', 'local', 'lambda'];

export function readCodeCacheSettings(app: App): CodeCacheSettings {
  const read = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const mode = read('codeCache') ?? 'off';
  if (!(MODES as readonly string[]).includes(mode)) throw new Error(`codeCache "${mode}" must be one of ${MODES.join(', ')}`);
  const node = read('codeCacheNode');
  const lambdaRuntimeVersionArn = read('lambdaRuntimeVersionArn');
  if (lambdaRuntimeVersionArn !== undefined && !/^arn:aws[a-z-]*:lambda:[a-z0-9-]+::runtime:[0-9a-f]+$/.test(lambdaRuntimeVersionArn)) {
    throw new Error(`lambdaRuntimeVersionArn "${lambdaRuntimeVersionArn}" is not a runtime version ARN (arn:aws:lambda:<region>::runtime:<id>)`);
  }
  return {
    mode: mode as CodeCacheMode,
    image: read('codeCacheImage') ?? DEFAULT_CODE_CACHE_IMAGE,
    ...(node ? { node } : {}),
    ...(lambdaRuntimeVersionArn ? { lambdaRuntimeVersionArn } : {}),
  };
}
