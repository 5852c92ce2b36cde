import { Annotations, Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/** The largest value an Advanced-tier SSM parameter holds. */
export const MAX_PARAMETER_BYTES = 8 * 1024;

/** Room left for the URL, which is a token until deploy: an execute-api URL is well under this. */
const URL_ALLOWANCE_BYTES = 200;

/**
 * The registry parameter's value: `{"name","url","sdl"}` as one JSON string. An SDL
 * too big for the parameter is left out: the gateway then asks the subgraph for
 * `_service { sdl }` itself, so the subgraph still joins, at a slower cold start.
 */
export function registryEntry(scope: Construct, entry: { name: string; url: string; sdl: string }): string {
  const withSdl = { name: entry.name, url: entry.url, sdl: entry.sdl };
  const literalBytes = Buffer.byteLength(JSON.stringify({ ...withSdl, url: '' }), 'utf8');
  if (literalBytes + URL_ALLOWANCE_BYTES <= MAX_PARAMETER_BYTES) return Stack.of(scope).toJsonString(withSdl);
  Annotations.of(scope).addWarningV2(
    '@bff/infra:sdl-too-large',
    `The ${entry.name} SDL is too large for its registry parameter (${literalBytes} bytes): the gateway will introspect it.`,
  );
  return Stack.of(scope).toJsonString({ name: entry.name, url: entry.url });
}
