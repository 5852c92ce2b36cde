import { join } from 'node:path';

import { createBffApp } from '@bff/infra/createBffApp';
import { App } from 'aws-cdk-lib';

/** One Lambda function as the stacks deploy it. */
export interface DeployedBundle {
  functionName: string;
  /** The module Lambda loads (`Handler` before the dot): the loader, which compiles the bundle with its code cache. */
  file: string;
  /** The esbuild bundle the loader compiles, `<asset>/index.js`, with its source map beside it. */
  bundle: string;
  /** Its environment as deployed, literal values only (references to AWS resources left out). */
  environment: Record<string, string>;
}

type FunctionResource = {
  Type: string;
  Properties: { FunctionName?: string; Handler?: string; Environment?: { Variables?: Record<string, unknown> } };
  Metadata?: Record<string, unknown>;
};

/**
 * Synthesizes the CDK app into `outdir`, bundling every function exactly as
 * `npm run deploy -- -c <context>` would (esbuild, minified, the same
 * settings; with `codeCache: 'local'` and `codeCacheNode`, the V8 code cache made
 * by that Node as a deploy makes it in the runtime image), and returns the
 * bundles by function name.
 */
export function synthDeployedBundles(outdir: string, context: Record<string, string> = {}): Map<string, DeployedBundle> {
  const app = new App({ outdir, context: { ...context, 'aws:cdk:enable-asset-metadata': true } });
  createBffApp(app);
  const bundles = new Map<string, DeployedBundle>();
  for (const stack of app.synth().stacks) {
    for (const resource of Object.values((stack.template as { Resources: Record<string, FunctionResource> }).Resources)) {
      const functionName = resource.Properties.FunctionName;
      const assetPath = resource.Metadata?.['aws:asset:path'];
      if (resource.Type !== 'AWS::Lambda::Function' || !functionName || typeof assetPath !== 'string') continue;
      const variables = resource.Properties.Environment?.Variables ?? {};
      const handlerModule = (resource.Properties.Handler ?? 'index.handler').replace(/\.[^.]+$/, '');
      bundles.set(functionName, {
        functionName,
        file: join(outdir, assetPath, `${handlerModule}.js`),
        bundle: join(outdir, assetPath, 'index.js'),
        environment: Object.fromEntries(Object.entries(variables).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
      });
    }
  }
  return bundles;
}
