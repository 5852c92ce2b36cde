import { createHmac } from 'node:crypto';

import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { ResponseHook } from '@aws-lambda-powertools/idempotency/types';
import { type GraphQLFieldResolver, GraphQLScalarType } from 'graphql';

import type { GraphQLResolverMap } from '../apolloSubgraphInternals';
import type { Secrets } from '../auth/secrets';
import { documentClient } from '../dynamo';
import { BadUserInputError, RequestInProgressError } from '../errors';
import type { RequestContext } from '../requestContext';

/** How a subgraph keeps the results of its mutations for repeats of their idempotency key. */
export interface IdempotencyOptions {
  /** The service's idempotency table (its catalogue `idempotencyTable`, as the entry's settings name it). */
  tableName: string;
  /** How long a result is replayed for its key; 24 hours unless given. */
  expiresAfterSeconds?: number;
}

const DEFAULT_IDEMPOTENCY_EXPIRY_SECONDS = 24 * 60 * 60;

/**
 * What Powertools sees of one call: `record` names the stored record (the
 * client's key, scoped to the caller and the field, so that two users or two
 * mutations never share one), `argumentsDigest` is what a repeat must match.
 */
interface IdempotentCall {
  record: { key: string; user: string; field: string; responseKey: string };
  argumentsDigest: string;
}

type FieldResolver<TContext> = GraphQLFieldResolver<unknown, TContext>;

/** A field of a resolver map: a resolver, or an object holding one. */
type FieldEntry<TContext> = FieldResolver<TContext> | { requires?: string; resolve?: FieldResolver<TContext> };

/**
 * A keyed HMAC of the arguments rather than Powertools' plain hash of them: the
 * arguments of `login` and `register` hold a password, and a fast unkeyed hash
 * of it in a table could be guessed offline. graphql-js hands arguments over in
 * the schema's order, whatever order the client wrote them in, so equal
 * arguments give equal JSON.
 */
async function digestOf(args: unknown, secrets: Pick<Secrets, 'authSecrets'>): Promise<string> {
  const { internalSigningSecret } = await secrets.authSecrets();
  return createHmac('sha256', internalSigningSecret).update(JSON.stringify(args)).digest('base64url');
}

/**
 * The result as the plain JSON data it is stored as, so that the first answer
 * and every replay of it are the same (a mutation returns records of ids,
 * strings, numbers and booleans; field resolvers read them alike).
 */
const asJsonData = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/**
 * Wraps every `Mutation` resolver with Powertools' idempotency, on DynamoDB.
 * A mutation whose request carries an idempotency key (signed by the gateway)
 * runs once per key, caller and field: a repeat with the same arguments gets
 * the first result, without running again; one with other arguments gets
 * BAD_USER_INPUT; one that arrives while the first still runs gets
 * REQUEST_IN_PROGRESS (retryable). A failed mutation leaves no record, so a
 * retry runs it again. Without a key, a mutation runs as it always did.
 */
export function idempotentMutations<TContext extends RequestContext>(
  service: string,
  resolvers: GraphQLResolverMap<TContext>,
  options: IdempotencyOptions,
  /** The Lambda's secrets (the digest's key) and DynamoDB endpoint. */
  runtime: { secrets: Pick<Secrets, 'authSecrets'>; dynamoEndpoint?: string | undefined },
): GraphQLResolverMap<TContext> {
  const mutation = resolvers.Mutation;
  if (!mutation || mutation instanceof GraphQLScalarType) return resolvers;
  const expiresAfterSeconds = options.expiresAfterSeconds ?? DEFAULT_IDEMPOTENCY_EXPIRY_SECONDS;

  // One persistence layer while the process-wide DynamoDB client stays the same (another endpoint in the process makes a new one).
  let layer: { client: ReturnType<typeof documentClient>; store: DynamoDBPersistenceLayer } | undefined;
  const persistenceStore = (): DynamoDBPersistenceLayer => {
    const client = documentClient(runtime);
    if (layer?.client !== client) {
      // The kit's client: the local store's endpoint locally and in tests, DynamoDB in AWS.
      layer = { client, store: new DynamoDBPersistenceLayer({ tableName: options.tableName, awsSdkV3Client: client }) };
    }
    return layer.store;
  };

  const idempotent =
    (resolve: FieldResolver<TContext>): FieldResolver<TContext> =>
    async (source, args, context, info) => {
      const key = context.idempotencyKey;
      if (key === undefined) return resolve(source, args, context, info);
      const call: IdempotentCall = {
        // The response key too: two aliased calls of one mutation in one operation are two calls.
        record: { key, user: context.caller?.userId ?? 'anonymous', field: info.fieldName, responseKey: info.path.key.toString() },
        argumentsDigest: await digestOf(args, runtime.secrets),
      };
      const onReplay: ResponseHook = (response) => {
        context.logger.info('Idempotent mutation replayed', { field: info.fieldName });
        return response;
      };
      // A config per call: it holds this invocation's Lambda context, whose remaining time bounds how long
      // a record stays "in progress" (after a crash, a retry runs the mutation again once that has passed).
      const config = new IdempotencyConfig({
        eventKeyJmesPath: 'record',
        payloadValidationJmesPath: 'argumentsDigest',
        throwOnNoIdempotencyKey: true,
        expiresAfterSeconds,
        hashFunction: 'sha256',
        lambdaContext: context.lambdaContext,
        responseHook: onReplay,
      });
      const once = makeIdempotent(async (_call: IdempotentCall) => asJsonData(await resolve(source, args, context, info)), {
        persistenceStore: persistenceStore(),
        config,
        keyPrefix: service,
      });
      try {
        return await once(call);
      } catch (error) {
        if (error instanceof IdempotencyValidationError) {
          throw new BadUserInputError(
            'This Idempotency-Key was already used for a request with other arguments: send a new key for a new request.',
            { cause: error },
          );
        }
        if (error instanceof IdempotencyAlreadyInProgressError) {
          throw new RequestInProgressError('A request with this Idempotency-Key is still running: send it again, with the same key, in a moment.', {
            cause: error,
          });
        }
        throw error;
      }
    };

  const wrapped: Record<string, FieldEntry<TContext>> = {};
  // (A `Mutation` holds resolvers only: the map's type also allows enum values, which it never has.)
  for (const [field, entry] of Object.entries<FieldEntry<TContext> | string | number>(mutation)) {
    if (typeof entry === 'function') wrapped[field] = idempotent(entry);
    else if (typeof entry === 'object') wrapped[field] = entry.resolve ? { ...entry, resolve: idempotent(entry.resolve) } : entry;
  }
  return { ...resolvers, Mutation: wrapped };
}
