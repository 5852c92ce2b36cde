import { App } from 'aws-cdk-lib';

import { type BffStacks, createBffApp, type CreateBffAppOptions } from '../../lib/createBffApp';

export interface TestAppOptions extends CreateBffAppOptions {
  context?: Record<string, unknown>;
  /** Run esbuild for the functions; off by default, since only the bundle test needs real bundles. */
  bundle?: boolean;
  outdir?: string;
}

/** The app as bin/app.ts makes it, with test context. */
export function createTestApp(options: TestAppOptions = {}): { app: App; stacks: BffStacks } {
  const app = new App({
    ...(options.outdir ? { outdir: options.outdir } : {}),
    context: {
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      // The CLI sets this; the bundle test reads each function's asset folder from it.
      'aws:cdk:enable-asset-metadata': true,
      ...options.context,
    },
  });
  return { app, stacks: createBffApp(app, options) };
}

/**
 * A CloudFormation value as one string: `Ref`s and `Fn::GetAtt`s become `${Name}`
 * and `${Name.Attr}`, and `Fn::Join`s are joined, so a value can be compared whole.
 */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.Ref === 'string') return `\${${record.Ref}}`;
    const getAtt = record['Fn::GetAtt'];
    if (Array.isArray(getAtt)) return `\${${getAtt.join('.')}}`;
    const join = record['Fn::Join'];
    if (Array.isArray(join)) {
      const [separator, parts] = join as [string, unknown[]];
      return parts.map(flatten).join(separator);
    }
  }
  return JSON.stringify(value);
}
