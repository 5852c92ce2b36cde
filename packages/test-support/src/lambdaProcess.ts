import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

import type { ApiGatewayHandler } from '@bff/kit';
import { lambdaContext } from '@bff/kit/local';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

type Reply = { ready?: boolean; codeCache?: string; id?: number; result?: APIGatewayProxyStructuredResultV2; error?: string };

export interface LambdaProcessOptions {
  /** Node options for the process, e.g. a V8 flag under which the bundle's code cache does not fit. */
  execArgv?: string[];
  /** The Node binary to run it on (the Lambda runtime's, for a cold start measured as deployed); this one by default. */
  execPath?: string;
}

/**
 * A deployed bundle running in its own node process, invoked like Lambda invokes it:
 * the one bundle runner (infra's bundle tests; bench's cold starts can use it too).
 */
export class LambdaProcess {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (result: APIGatewayProxyStructuredResultV2) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly functionName: string,
    /** What the loader did with the bundle's V8 code cache: `used`, `rejected` or `none`. */
    readonly codeCache: string | undefined,
  ) {
    child.on('message', (reply: Reply) => {
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id!);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result!);
    });
  }

  /** Loads `<assetDir>/<handlerModule>.js` (Lambda's `Handler` before the dot) in a fresh node process with exactly `env` (plus PATH). */
  static start(assetDir: string, handlerModule: string, functionName: string, env: Record<string, string>, options: LambdaProcessOptions = {}): Promise<LambdaProcess> {
    const child = fork(join(__dirname, 'lambdaProcessChild.js'), [join(assetDir, `${handlerModule}.js`), functionName], {
      env: { PATH: process.env.PATH ?? '', ...env },
      execArgv: options.execArgv ?? [],
      ...(options.execPath ? { execPath: options.execPath } : {}),
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`${functionName} exited with ${code} while loading`)));
      child.once('message', (reply: Reply) =>
        reply.ready ? resolve(new LambdaProcess(child, functionName, reply.codeCache)) : reject(new Error(`${functionName} exports no handler`)),
      );
    });
  }

  invoke(event: APIGatewayProxyEventV2, timeoutMs = 10_000): Promise<APIGatewayProxyStructuredResultV2> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The context's data; the child adds its functions (IPC carries JSON).
      const data = JSON.parse(JSON.stringify(lambdaContext(this.functionName, timeoutMs))) as Record<string, unknown>;
      this.child.send({ id, event, context: { data, timeoutMs } });
    });
  }

  /** The process as a handler, e.g. to serve it over HTTP with serveLambda. */
  get handler(): ApiGatewayHandler {
    return (event) => this.invoke(event);
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.removeAllListeners('exit');
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }
}
