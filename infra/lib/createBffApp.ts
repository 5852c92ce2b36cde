import type { App, StackProps } from 'aws-cdk-lib';

import { type AppSettings, readAppSettings } from './appSettings';
import { GatewayStack } from './gatewayStack';
import { findRepoRoot } from './repoRoot';
import { SERVICES } from './services';
import { SharedStack } from './sharedStack';
import type { SubgraphService } from './subgraph';
import { SubgraphStack } from './subgraphStack';

export interface BffStacks {
  settings: AppSettings;
  shared: SharedStack;
  subgraphs: SubgraphStack[];
  gateway: GatewayStack;
}

export interface CreateBffAppOptions {
  repoRoot?: string;
  services?: SubgraphService[];
  /** Stacks are environment-agnostic unless given one: synth needs no account. */
  stackProps?: StackProps;
}

/** Every stack of one stage. The stacks share nothing at synth time: order comes from explicit dependencies only. */
export function createBffApp(app: App, options: CreateBffAppOptions = {}): BffStacks {
  const settings = readAppSettings(app);
  const repoRoot = options.repoRoot ?? findRepoRoot();
  const stackProps = options.stackProps ?? {};
  const shared = new SharedStack(app, settings, stackProps);
  const subgraphs = new Map<string, SubgraphStack>();
  const services = options.services ?? SERVICES;
  for (const service of services) {
    const stack = new SubgraphStack(app, { ...stackProps, settings, service, repoRoot });
    // Ordering for `deploy all`; a single service deploys with --exclusively and finds these by name.
    stack.addStackDependency(shared);
    for (const call of service.calls ?? []) {
      const callee = subgraphs.get(call.subgraph);
      if (callee) stack.addStackDependency(callee);
    }
    subgraphs.set(service.name, stack);
  }
  const gateway = new GatewayStack(app, settings, { ...stackProps, repoRoot, subgraphs: services });
  gateway.addStackDependency(shared);
  return { settings, shared, subgraphs: [...subgraphs.values()], gateway };
}
