import { buildSchema, findBreakingChanges, findDangerousChanges, type GraphQLSchema, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';

/** One difference between two client schemas. */
export interface SchemaChange {
  kind: 'breaking' | 'dangerous' | 'safe';
  type: string;
  description: string;
}

function fieldsOf(schema: GraphQLSchema): Map<string, Set<string>> {
  const fields = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    fields.set(type.name, new Set(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? Object.keys(type.getFields()) : []));
  }
  return fields;
}

/**
 * Classifies the changes from one client schema to the next: breaking and
 * dangerous ones as graphql-js finds them, and the additions (new types and
 * fields) as safe.
 */
export function diffSchemas(before: string | GraphQLSchema, after: string | GraphQLSchema): SchemaChange[] {
  const old = typeof before === 'string' ? buildSchema(before) : before;
  const next = typeof after === 'string' ? buildSchema(after) : after;
  const changes: SchemaChange[] = [
    ...findBreakingChanges(old, next).map((change) => ({ kind: 'breaking' as const, type: change.type, description: change.description })),
    ...findDangerousChanges(old, next).map((change) => ({ kind: 'dangerous' as const, type: change.type, description: change.description })),
  ];
  const oldFields = fieldsOf(old);
  for (const [type, fields] of fieldsOf(next)) {
    const known = oldFields.get(type);
    if (!known) {
      changes.push({ kind: 'safe', type: 'TYPE_ADDED', description: `${type} was added.` });
      continue;
    }
    for (const field of fields) {
      // A new required input field is breaking, and graphql-js reports it; the rest are additions.
      if (!known.has(field) && !changes.some((change) => change.description.startsWith(`A required field ${field} on input type ${type}`))) {
        changes.push({ kind: 'safe', type: 'FIELD_ADDED', description: `${type}.${field} was added.` });
      }
    }
  }
  return changes;
}

/** The changes as lines a person reads in a test failure or a terminal. */
export function describeChanges(changes: SchemaChange[]): string {
  if (changes.length === 0) return 'no changes';
  const order = { breaking: 0, dangerous: 1, safe: 2 };
  return [...changes]
    .sort((a, b) => order[a.kind] - order[b.kind])
    .map((change) => `${change.kind.toUpperCase().padEnd(9)} ${change.description}`)
    .join('\n');
}
