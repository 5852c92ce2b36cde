import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

import { type AppSettings, stackName } from './appSettings';
import { Subgraph, type SubgraphService } from './subgraph';

export interface SubgraphStackProps extends StackProps {
  settings: AppSettings;
  service: SubgraphService;
  repoRoot: string;
}

/** `<app>-<stage>-<service>`: one subgraph, deployable alone once the shared stack exists. */
export class SubgraphStack extends Stack {
  readonly subgraph: Subgraph;

  constructor(scope: Construct, props: SubgraphStackProps) {
    const { settings, service, repoRoot, ...stackProps } = props;
    const name = stackName(settings, service.name);
    super(scope, name, { ...stackProps, stackName: name, description: `${settings.app} ${settings.stage}: the ${service.name} subgraph` });
    this.subgraph = new Subgraph(this, 'Subgraph', { settings, service, repoRoot });
  }
}
