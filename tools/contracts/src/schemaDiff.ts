import { CriticalityLevel, diff, DiffRule, type TypeOfChangeType } from '@graphql-inspector/core';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** One difference between two client schemas. */
export interface SchemaChange {
  kind: 'breaking' | 'dangerous' | 'safe';
  /** GraphQL Inspector's change type, e.g. `FIELD_REMOVED`. */
  type: TypeOfChangeType;
  /** What changed, e.g. `Field 'title' was removed from object type 'Article'`. */
  description: string;
}

const KIND: Record<CriticalityLevel, SchemaChange['kind']> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/**
 * Classifies the changes from one client schema to the next with GraphQL Inspector:
 * breaking (a deployed frontend may fail), dangerous (may behave differently, e.g. a
 * new enum value) and safe (additions, descriptions, deprecations). A change inside
 * one already listed (the fields of a new type) is left out.
 */
export async function diffSchemas(before: string | GraphQLSchema, after: string | GraphQLSchema): Promise<SchemaChange[]> {
  const old = typeof before === 'string' ? buildSchema(before) : before;
  const next = typeof after === 'string' ? buildSchema(after) : after;
  const changes = await diff(old, next, [DiffRule.simplifyChanges]);
  return changes.map((change) => ({ kind: KIND[change.criticality.level], type: change.type as TypeOfChangeType, description: change.message }));
}

/** The changes as lines a person reads in a test failure or a terminal, the worst first. */
export function describeChanges(changes: SchemaChange[]): string {
  if (changes.length === 0) return 'no changes';
  const order = { breaking: 0, dangerous: 1, safe: 2 };
  return [...changes]
    .sort((a, b) => order[a.kind] - order[b.kind])
    .map((change) => `${change.kind.toUpperCase().padEnd(9)} ${change.description}`)
    .join('\n');
}
