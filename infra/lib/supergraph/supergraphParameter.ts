import { type ASTNode, parse, print, stripIgnoredCharacters, visit } from 'graphql';

import { composeSupergraph, type SubgraphDefinition } from '@bff/gateway/compose';
import { subgraphsHash } from '@bff/gateway/subgraphsHash';

/** The most an SSM parameter holds (advanced tier), in bytes. */
export const SSM_PARAMETER_LIMIT = 8192;

export interface SupergraphParameterValue {
  /** `{"supergraphSdl","subgraphsHash"}`, as the gateway's registry reads it. */
  value: string;
  bytes: number;
  /** Whether it fits in one SSM parameter. */
  fits: boolean;
}

/** The same schema without its descriptions. */
export function withoutDescriptions(sdl: string): string {
  return print(visit(parse(sdl), { enter: (node: ASTNode) => ('description' in node && node.description ? { ...node, description: undefined } : undefined) }));
}

/**
 * The registry's `supergraph` parameter for these subgraphs: composed by the
 * gateway's own composer, with the hash the gateway computes from the same
 * subgraphs, so that a gateway reading them composes nothing (while they are
 * unchanged). Made to fit in one SSM parameter (8 KB; the three services' full
 * supergraph is 9.5 KB): without descriptions, which a deployed gateway never
 * shows (it answers no introspection in production), and without ignored
 * characters (whitespace, commas): 4.8 KB.
 */
export function supergraphParameterValue(subgraphs: SubgraphDefinition[]): SupergraphParameterValue {
  const supergraphSdl = stripIgnoredCharacters(withoutDescriptions(composeSupergraph(subgraphs)));
  const value = JSON.stringify({ supergraphSdl, subgraphsHash: subgraphsHash(subgraphs) });
  const bytes = Buffer.byteLength(value);
  return { value, bytes, fits: bytes <= SSM_PARAMETER_LIMIT };
}
