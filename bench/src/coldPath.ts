import { type ChildProcess, fork } from 'node:child_process';

import type { ApiGatewayHandler } from '@bff/kit/core';
import { type LocalLambdaServer, serveLambda } from '@bff/kit/local';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

import { invocation } from './coldStart';
import { postChecked } from './http';
import type { MeasuredNode } from './lambdaNode';
import { median, round } from './stats';

/** One function of the path: the module Lambda loads and its environment. */
export interface PathFunction {
  name: string;
  handlerModule: string;
  env: NodeJS.ProcessEnv;
}

export interface ColdPathResult {
  node: string;
  rounds: number;
  /** The first request of each round: every function cold. */
  coldMedianMs: number;
  coldMinMs: number;
  /** The same request once every function is warm: the median of each round's warm requests, then over rounds. */
  warmMedianMs: number;
  ratio: number;
  /** Instances started for the first request, per function (the most any round needed). */
  coldStarts: Record<string, number>;
}

type Pending = { resolve: (result: APIGatewayProxyStructuredResultV2) => void; reject: (error: Error) => void };

/** One Lambda instance: a process of the runner in worker mode, one invocation at a time. */
class Instance {
  busy = false;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  private constructor(
    readonly child: ChildProcess,
    private readonly functionName: string,
  ) {
    child.on('message', (reply: { id?: number; result?: APIGatewayProxyStructuredResultV2; error?: string }) => {
      const waiting = reply.id === undefined ? undefined : this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id!);
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.result!);
    });
  }

  static start(node: string, runner: string, fn: PathFunction): Promise<Instance> {
    const child = fork(runner, [fn.handlerModule, '--worker'], { execPath: node, execArgv: [], env: fn.env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`${fn.name} exited (${code}) while starting`)));
      child.once('message', () => {
        child.removeAllListeners('exit');
        resolve(new Instance(child, fn.name));
      });
    });
  }

  async invoke(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
    this.busy = true;
    try {
      const id = this.nextId++;
      return await new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.child.send({ id, ...invocation(event, this.functionName) });
      });
    } finally {
      this.busy = false;
    }
  }
}

/**
 * A function as Lambda runs it behind API Gateway, in miniature: an HTTP endpoint
 * whose request goes to an idle instance, or to a new one started for it (a cold
 * start: process, loader, bundle, first request), as Lambda starts a sandbox when
 * every one it has is busy.
 */
class LambdaFunction {
  readonly instances: Instance[] = [];
  started = 0;
  /** What it runs: set once the URLs of every function are known (they go into each other's environment). */
  fn: PathFunction | undefined;
  private server: LocalLambdaServer | undefined;

  private constructor(
    readonly name: string,
    private readonly node: string,
    private readonly runner: string,
  ) {}

  static async serve(name: string, node: string, runner: string): Promise<LambdaFunction> {
    const fn = new LambdaFunction(name, node, runner);
    // Closed only after every round's answers are in: nothing is left in flight to wait for.
    fn.server = await serveLambda(fn.handle, { name: `${name}-bench-graphql`, shutdownGraceMs: 0 });
    return fn;
  }

  get url(): string {
    if (!this.server) throw new Error(`${this.name} is not served`);
    return `${this.server.origin}/graphql`;
  }

  close(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }

  private readonly handle: ApiGatewayHandler = async (event) => {
    if (!this.fn) throw new Error(`${this.name} is not configured`);
    let instance = this.instances.find((candidate) => !candidate.busy);
    if (!instance) {
      const starting = Instance.start(this.node, this.runner, this.fn);
      this.started++;
      instance = await starting;
      this.instances.push(instance);
    }
    return instance.invoke(event);
  };

  /** Stops every instance: the next request starts cold. */
  async reset(): Promise<void> {
    await Promise.all(
      this.instances.map(
        (instance) =>
          new Promise((resolve) => {
            instance.child.once('exit', resolve);
            instance.child.kill();
          }),
      ),
    );
    this.instances.length = 0;
    this.started = 0;
  }
}

/**
 * The cold path a user feels: one query to a gateway that has never run, whose
 * subgraphs have never run either, against the same query once all of them are
 * warm. Each function is served as above; `configure` gives each its module and
 * environment from the functions' URLs (the gateway's registry, a service's URL of
 * another). Each round starts every function cold; every answer is checked.
 */
export async function measureColdPath(options: {
  node: MeasuredNode;
  runner: string;
  /** `gateway` and the subgraphs' names. */
  names: string[];
  configure: (urls: Record<string, string>) => Record<string, PathFunction>;
  query: string;
  rounds: number;
  warmRequests: number;
  log: (line: string) => void;
}): Promise<ColdPathResult> {
  const functions = await Promise.all(options.names.map((name) => LambdaFunction.serve(name, options.node.path, options.runner)));
  const configured = options.configure(Object.fromEntries(functions.map((fn) => [fn.name, fn.url])));
  for (const fn of functions) fn.fn = configured[fn.name];
  const gateway = functions.find((fn) => fn.name === 'gateway');
  if (!gateway) throw new Error('the cold path needs a function named gateway');
  const body = JSON.stringify({ query: options.query });
  const cold: number[] = [];
  const warm: number[] = [];
  const coldStarts: Record<string, number> = {};
  try {
    for (let round = 0; round < options.rounds; round++) {
      let started = performance.now();
      await postChecked(gateway.url, body);
      cold.push(performance.now() - started);
      for (const fn of functions) coldStarts[fn.name] = Math.max(coldStarts[fn.name] ?? 0, fn.started);
      const warmRound: number[] = [];
      for (let i = 0; i < options.warmRequests; i++) {
        started = performance.now();
        await postChecked(gateway.url, body);
        warmRound.push(performance.now() - started);
      }
      warm.push(median(warmRound));
      await Promise.all(functions.map((fn) => fn.reset()));
      options.log(`  cold path on ${options.node.label}, round ${round + 1}/${options.rounds}`);
    }
  } finally {
    await Promise.all(functions.map((fn) => fn.reset()));
    await Promise.all(functions.map((fn) => fn.close()));
  }
  return {
    node: options.node.label,
    rounds: cold.length,
    coldMedianMs: round(median(cold)),
    coldMinMs: round(Math.min(...cold)),
    warmMedianMs: round(median(warm)),
    ratio: round(median(cold) / median(warm)),
    coldStarts,
  };
}
