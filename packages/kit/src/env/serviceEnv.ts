import { z } from 'zod';

import type { ServiceDescription } from '../catalogue/services';
import { type Env, envVar, parseEnv } from './parseEnv';

/** A service's own tables, by the catalogue's variable names: set by its stack, unset locally (then the default names serve). */
export interface ServiceTables {
  tableName: string;
  idempotencyTableName: string;
  /** The variables production must set (their defaults are local names), each as the environment gave it. */
  productionEnv: Env;
}

/** The service's tables from its entry's environment (`table.env`, `idempotencyTable.env`). */
export function serviceTables({ table, idempotencyTable }: ServiceDescription, env: Env): ServiceTables {
  const given = parseEnv(z.object({ [table.env]: envVar.optionalString(), [idempotencyTable.env]: envVar.optionalString() }), env);
  return {
    tableName: given[table.env] ?? table.defaultName,
    idempotencyTableName: given[idempotencyTable.env] ?? idempotencyTable.defaultName,
    productionEnv: { [table.env]: given[table.env], [idempotencyTable.env]: given[idempotencyTable.env] },
  };
}

/** How a service reaches another: its GraphQL URL (`urlEnv`, unset: not given) and its time limit (`timeoutEnv`). */
export interface CalleeSettings {
  url: string | undefined;
  timeoutMs: number;
}

/** The callee's URL and time limit from the caller's environment (`defaultTimeoutMs`: the client's DEFAULT_SERVICE_CALL_TIMEOUT_MS). */
export function calleeSettings({ urlEnv, timeoutEnv }: ServiceDescription, env: Env, defaultTimeoutMs: number): CalleeSettings {
  // One schema per variable: a catalogue name is a plain string, so in one object each would lose its type.
  const url = parseEnv(z.object({ [urlEnv]: envVar.optionalString() }), env)[urlEnv];
  const timeoutMs = parseEnv(z.object({ [timeoutEnv]: envVar.int(defaultTimeoutMs, 1) }), env)[timeoutEnv] ?? defaultTimeoutMs;
  return { url, timeoutMs };
}
