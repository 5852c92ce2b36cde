/**
 * The product's services: the one list that infra, `npm start`, the contract
 * checks and the bench read, with the names of the variables each one's settings
 * come from. Variable names and default table names are part of every deployment:
 * change them here or nowhere. Pure data: no imports.
 */
export interface ServiceDescription {
  /** `users`: the registry name, and part of every resource name. */
  readonly name: string;
  /** The Lambda entry exporting `handler`, relative to the repository root. */
  readonly entry: string;
  /** The subgraph SDL (its contract), relative to the repository root. */
  readonly schemaFile: string;
  /** The variable the service reads its table's name from (set by its stack), and the name without it (local, tests). */
  readonly table: { readonly env: string; readonly defaultName: string };
  /** The same for the table its mutations' idempotency records are kept in. */
  readonly idempotencyTable: { readonly env: string; readonly defaultName: string };
  /** The variable a service that calls this one reads its URL from. */
  readonly urlEnv: string;
  /** The variable a service that calls this one reads its time limit from (ms). */
  readonly timeoutEnv: string;
  /** Services this one calls directly; the deployment gives it their URLs. */
  readonly calls: readonly string[];
  /**
   * Services this one calls only when their URL is set (`npm start` sets it; a
   * deployment does not: the stacks would depend on each other both ways). Without
   * it the callee's own sweep does the work.
   */
  readonly callsWhenSet: readonly string[];
}

/** The variables a service's settings come from, and their defaults, by the service's name: one spelling for every service. */
export function serviceVariables(name: string): Pick<ServiceDescription, 'table' | 'idempotencyTable' | 'urlEnv' | 'timeoutEnv'> {
  const upper = name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return {
    table: { env: `${upper}_TABLE`, defaultName: name },
    idempotencyTable: { env: `${upper}_IDEMPOTENCY_TABLE`, defaultName: `${name}-idempotency` },
    urlEnv: `${upper}_URL`,
    timeoutEnv: `${upper}_TIMEOUT_MS`,
  };
}

/** A service of this repository (`subgraphs/<name>/`) and the services it calls. */
function describe(name: string, links: { calls?: readonly string[]; callsWhenSet?: readonly string[] } = {}): ServiceDescription {
  return {
    name,
    entry: `subgraphs/${name}/src/handler.ts`,
    schemaFile: `subgraphs/${name}/schema.graphql`,
    ...serviceVariables(name),
    calls: links.calls ?? [],
    callsWhenSet: links.callsWhenSet ?? [],
  };
}

/** Each service by name, in the order they are deployed and started (a callee before its callers). */
export const SERVICES = {
  users: describe('users'),
  // Deleting an article asks comments to remove its comments, when it knows comments' URL.
  articles: describe('articles', { callsWhenSet: ['comments'] }),
  // Before it accepts a comment, comments asks articles whether the article exists.
  comments: describe('comments', { calls: ['articles'] }),
} satisfies Record<string, ServiceDescription>;

export type ServiceName = keyof typeof SERVICES;

/** The services in the order they are deployed and started: the order of `SERVICES`. */
export const SERVICE_NAMES = Object.keys(SERVICES) as readonly ServiceName[];

/** Every service's description, in deploy order. */
export const SERVICE_LIST: readonly ServiceDescription[] = SERVICE_NAMES.map((name) => SERVICES[name]);
