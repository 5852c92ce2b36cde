import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

/** A subgraph ready to compose: its name, endpoint and SDL. */
export interface SubgraphDefinition {
  name: string;
  url: string;
  sdl: string;
}

/** The subgraphs do not compose; `errors` says where and why. */
export class CompositionError extends Error {
  override readonly name = 'CompositionError';
  constructor(readonly errors: string[]) {
    super(`Composition failed:\n- ${errors.join('\n- ')}`);
  }
}

/**
 * Composes federation subgraphs into a supergraph SDL with
 * @theguild/federation-composition (MIT, in-process, no network).
 */
export function composeSupergraph(subgraphs: SubgraphDefinition[]): string {
  const parseErrors: string[] = [];
  const services = subgraphs.map(({ name, url, sdl }) => {
    try {
      return { name, url, typeDefs: parse(sdl) };
    } catch (error) {
      parseErrors.push(`[${name}] ${(error as Error).message}`);
      return undefined;
    }
  });
  if (parseErrors.length) throw new CompositionError(parseErrors);
  const result = composeServices(services.filter((service) => service !== undefined));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
