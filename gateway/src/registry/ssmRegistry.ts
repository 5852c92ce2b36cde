import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import type { SSMClient } from '@aws-sdk/client-ssm';

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
  /**
   * How long a read is reused, in seconds (Powertools' cache): the gateway's polls
   * within it cost no SSM call. Default 5, Powertools' own; keep it under the poll interval.
   */
  maxAgeSeconds?: number;
}

/** The supergraph parameter's default place: a sibling of the subgraphs' folder. */
export function defaultSupergraphParameter(prefix: string): string {
  const parent = prefix.replace(/\/+$/, '').replace(/\/[^/]*$/, '');
  return `${parent}/supergraph`;
}

/** The SDK's error behind Powertools' wrapper (GetParameterError), which names it. */
function sdkError(error: unknown): Error {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause;
  return error instanceof Error ? error : new Error(String(error));
}

const described = (error: unknown) => `${sdkError(error).name}: ${sdkError(error).message}`;

/**
 * A registry in SSM Parameter Store: one parameter per subgraph under a prefix,
 * `/<app>/<stage>/subgraphs/<name>`, each holding `{"name","url","sdl"?}` (String
 * or SecureString), written by the subgraph's stack at deploy. Every parameter
 * under the prefix, at any depth, is a subgraph.
 */
export class SsmRegistry implements SubgraphRegistry {
  readonly source: string;
  private readonly path: string;
  private readonly provider: SSMProvider;
  private readonly supergraphParameter: string | null;
  private readonly maxAge: number;

  constructor(prefix: string, options: SsmRegistryOptions = {}) {
    if (!prefix.startsWith('/') || prefix.replace(/\/+$/, '') === '') {
      throw new RegistryError(`The SSM registry prefix must be a path like /bff/dev/subgraphs/, got "${prefix}"`);
    }
    this.path = prefix.replace(/\/+$/, '');
    this.source = `ssm:${this.path}/`;
    // Powertools Parameters: paging, decryption and a cache with maxAge over the SDK client.
    this.provider = new SSMProvider(options.client ? { awsSdkV3Client: options.client } : {});
    this.maxAge = options.maxAgeSeconds ?? 5;
    this.supergraphParameter = options.supergraphParameter === undefined ? defaultSupergraphParameter(this.path) : options.supergraphParameter;
  }

  async list(): Promise<SubgraphEntry[]> {
    return (await this.read()).subgraphs;
  }

  async read(): Promise<RegistrySnapshot> {
    const [parameters, supergraph] = await Promise.all([this.parameters(), this.supergraph()]);
    const subgraphs = Object.entries(parameters)
      // Names come back relative to the prefix; errors name the whole parameter.
      .map(([name, value]) => ({ name: `${this.path}/${name}`, value }))
      .filter(({ name }) => name !== this.supergraphParameter)
      // Parameter order is SSM's; sorting makes the list, and so the logs, the same on every read.
      .sort((a, b) => a.name.localeCompare(b.name))
      .map(({ name, value }) => parseSubgraphEntry(parseJson(name, value), `ssm:${name}`));
    assertUniqueNames(subgraphs, this.source);
    return supergraph ? { subgraphs, supergraph } : { subgraphs };
  }

  /** Every parameter under the prefix, at any depth, decrypted: name (relative to the prefix) → value. */
  private async parameters(): Promise<Record<string, unknown>> {
    try {
      return (await this.provider.getMultiple(this.path, { recursive: true, decrypt: true, maxAge: this.maxAge })) ?? {};
    } catch (error) {
      throw new RegistryError(`${this.source}: cannot read the parameters (${described(error)})`, { cause: error });
    }
  }

  private async supergraph(): Promise<ComposedSupergraph | undefined> {
    if (this.supergraphParameter === null) return undefined;
    let value: unknown;
    try {
      value = await this.provider.get(this.supergraphParameter, { decrypt: true, maxAge: this.maxAge });
    } catch (error) {
      // Most registries hold no composed supergraph: the gateway composes its own.
      if (sdkError(error).name === 'ParameterNotFound') return undefined;
      throw new RegistryError(`ssm:${this.supergraphParameter}: cannot read the supergraph parameter (${described(error)})`, { cause: error });
    }
    if (value === undefined) return undefined;
    return parseComposedSupergraph(parseJson(this.supergraphParameter, value), `ssm:${this.supergraphParameter}`);
  }
}

function parseJson(name: string, value: unknown): unknown {
  try {
    return JSON.parse(typeof value === 'string' ? value : '');
  } catch (error) {
    throw new RegistryError(`ssm:${name}: the value is not valid JSON (${(error as Error).message})`, { cause: error });
  }
}
