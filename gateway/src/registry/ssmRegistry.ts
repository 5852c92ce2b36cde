import { GetParameterCommand, GetParametersByPathCommand, type Parameter, SSMClient } from '@aws-sdk/client-ssm';

import {
  assertUniqueNames,
  type ComposedSupergraph,
  parseComposedSupergraph,
  parseSubgraphEntry,
  RegistryError,
  type RegistrySnapshot,
  type SubgraphEntry,
  type SubgraphRegistry,
} from './subgraphRegistry';

export interface SsmRegistryOptions {
  /** Defaults to a client configured from the environment (region, credentials), as in Lambda. */
  client?: SSMClient;
  /**
   * The parameter that may hold a supergraph composed elsewhere, `{"supergraphSdl","subgraphsHash"?}`.
   * Defaults to `supergraph` beside the subgraphs' folder: `/bff/dev/subgraphs` → `/bff/dev/supergraph`.
   * `null`: do not look for one.
   */
  supergraphParameter?: string | null;
}

/** The supergraph parameter's default place: a sibling of the subgraphs' folder. */
export function defaultSupergraphParameter(prefix: string): string {
  const parent = prefix.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
  return `${parent}/supergraph`;
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

/**
 * A registry in SSM Parameter Store: one parameter per subgraph under a prefix,
 * `/<app>/<stage>/subgraphs/<name>`, each holding `{"name","url","sdl"?}` (String
 * or SecureString), written by the subgraph's stack at deploy. Every parameter
 * under the prefix, at any depth, is a subgraph.
 */
export class SsmRegistry implements SubgraphRegistry {
  readonly source: string;
  private readonly path: string;
  private readonly client: SSMClient;
  private readonly supergraphParameter: string | null;

  constructor(prefix: string, options: SsmRegistryOptions = {}) {
    if (!prefix.startsWith('/') || prefix.replace(/\/+$/, '') === '') {
      throw new RegistryError(`The SSM registry prefix must be a path like /bff/dev/subgraphs/, got "${prefix}"`);
    }
    this.path = prefix.replace(/\/+$/, '');
    this.source = `ssm:${this.path}/`;
    this.client = options.client ?? new SSMClient({});
    this.supergraphParameter = options.supergraphParameter === undefined ? defaultSupergraphParameter(this.path) : options.supergraphParameter;
  }

  async list(): Promise<SubgraphEntry[]> {
    return (await this.read()).subgraphs;
  }

  async read(): Promise<RegistrySnapshot> {
    const [parameters, supergraph] = await Promise.all([this.parameters(), this.supergraph()]);
    const subgraphs = parameters
      .filter((parameter) => parameter.Name !== this.supergraphParameter)
      // Parameter order is SSM's; sorting makes the list, and so the logs, the same on every read.
      .sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? ''))
      .map((parameter) => parseSubgraphEntry(parseJson(parameter), `ssm:${parameter.Name}`));
    assertUniqueNames(subgraphs, this.source);
    return supergraph ? { subgraphs, supergraph } : { subgraphs };
  }

  private async parameters(): Promise<Parameter[]> {
    const parameters: Parameter[] = [];
    let nextToken: string | undefined;
    do {
      let page;
      try {
        page = await this.client.send(
          new GetParametersByPathCommand({ Path: this.path, Recursive: true, WithDecryption: true, NextToken: nextToken }),
        );
      } catch (error) {
        throw new RegistryError(`${this.source}: cannot read the parameters (${errorName(error)}: ${(error as Error).message})`, {
          cause: error,
        });
      }
      parameters.push(...(page.Parameters ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
    return parameters;
  }

  private async supergraph(): Promise<ComposedSupergraph | undefined> {
    if (this.supergraphParameter === null) return undefined;
    let parameter: Parameter | undefined;
    try {
      parameter = (await this.client.send(new GetParameterCommand({ Name: this.supergraphParameter, WithDecryption: true }))).Parameter;
    } catch (error) {
      // Most registries hold no composed supergraph: the gateway composes its own.
      if (errorName(error) === 'ParameterNotFound') return undefined;
      throw new RegistryError(
        `ssm:${this.supergraphParameter}: cannot read the supergraph parameter (${errorName(error)}: ${(error as Error).message})`,
        { cause: error },
      );
    }
    if (!parameter) return undefined;
    return parseComposedSupergraph(parseJson(parameter), `ssm:${parameter.Name ?? this.supergraphParameter}`);
  }
}

function parseJson(parameter: Parameter): unknown {
  try {
    return JSON.parse(parameter.Value ?? '');
  } catch (error) {
    throw new RegistryError(`ssm:${parameter.Name}: the value is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
