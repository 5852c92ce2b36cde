import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

import { IDEMPOTENCY_HEADER } from '@bff/kit/core';

import { CLIENT_TIMEOUT, classifyAnswer, failure, NETWORK_ERROR } from './classifyAnswer';
import { pickOperation, type WriteKind } from './clientMix';
import type { Sample } from './loadClients';
import { type AttemptAnswer, mayHaveApplied, retryReason, sendWithRetries, WRITE_RETRY } from './writeRetry';
import { type WriteAction, type WriteOperation, type WriterState, writeTag } from './writeMix';

/** One logical write (one user action) and how it ended, whatever number of attempts it took. */
export interface LogicalWrite {
  /** `<client>.<sequence>`, also in the tag in its text. */
  id: string;
  action: WriteAction;
  operation: string;
  /** The Idempotency-Key every attempt carried. */
  key: string;
  attempts: number;
  /** acknowledged: the id came back; rejected: a definite error; given-up: still failing when the retry budget ran out. */
  result: 'acknowledged' | 'rejected' | 'given-up';
  /** The id the write was acknowledged with: the new comment's or article's, or the deleted comment's. */
  acknowledgedId?: string;
  /** For a deletion: the comment it deletes. */
  targetId?: string;
  /** Whether some attempt may have been applied: always for an acknowledged write. */
  mayHaveApplied: boolean;
  /** Failed attempts that may have been applied all the same (no answer, a cut connection, outcome unknown): without the key, each retry after one could have stored the write twice. */
  uncertainAttempts: number;
  /** The last answer's key (`OK`, or its codes). */
  lastAnswer: string;
  /** The answers that were sent again, by key, in order. */
  retriedAfter: string[];
}

export interface WriteClientsOptions {
  gatewayUrl: string;
  clients: number;
  /** The run's clock origin (`performance.now()`) and when clients stop starting new writes. */
  startedAt: number;
  stopAt: number;
  thinkMs: number;
  /** Tags this run's writes, so that their stored items are found after it. */
  runTag: string;
  mix: readonly WriteOperation[];
  tokens: readonly string[];
  articleIds: readonly string[];
  record: (sample: Sample) => void;
  recordWrite: (write: LogicalWrite) => void;
}

/** The kind the run's per-request write tally counts (deletions are not in it). */
const TALLY_KIND: Record<WriteAction, WriteKind | undefined> = { comment: 'comment', article: 'article', deletion: undefined };

const refused = (error: unknown) => (error as { cause?: { code?: unknown } }).cause?.code === 'ECONNREFUSED';

/** One logical write's request: the same every attempt, its key included. */
interface WriteRequest {
  operation: WriteOperation;
  body: string;
  key: string;
  token: string;
  targetId: string | undefined;
}

/** Sends one attempt of a write, records it as a request, and reads its answer. */
async function sendAttempt(options: WriteClientsOptions, request: WriteRequest, attempt: number): Promise<AttemptAnswer> {
  const { operation, targetId } = request;
  const sent = performance.now();
  let answer: AttemptAnswer;
  try {
    const response = await fetch(options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}`, [IDEMPOTENCY_HEADER]: request.key },
      body: request.body,
      signal: AbortSignal.timeout(WRITE_RETRY.attemptTimeoutMs),
    });
    const classified = classifyAnswer(await response.text());
    const retryAfterMs = Math.max(Number(response.headers.get('retry-after')) * 1000 || 0, classified.retryAfterMs ?? 0);
    answer = {
      status: response.status,
      answer: classified,
      ...(classified.data && { acknowledgedId: operation.acknowledgedId(classified.data, targetId) }),
      ...(retryAfterMs > 0 && { retryAfterMs }),
    };
  } catch (error) {
    // A refused connection never reached the gateway; any other failure may have, after it was sent.
    const timedOut = (error as Error).name === 'TimeoutError';
    answer = { status: 0, answer: failure(timedOut ? CLIENT_TIMEOUT : NETWORK_ERROR, !timedOut && refused(error) ? 'not_applied' : 'unknown') };
  }
  const kind = TALLY_KIND[operation.action];
  options.record({
    operation: operation.name,
    sentAt: sent - options.startedAt,
    latencyMs: performance.now() - sent,
    status: answer.status,
    outcome: answer.answer.outcome,
    key: answer.answer.key,
    codes: answer.answer.codes,
    attempt,
    ...(kind && {
      write: kind,
      acknowledged: answer.acknowledgedId !== undefined,
      ...(answer.answer.writeOutcome && { writeOutcome: answer.answer.writeOutcome }),
    }),
  });
  return answer;
}

/** How a logical write ended, from all its attempts' answers (the last one decisive). */
function logicalWrite(id: string, request: WriteRequest, answers: readonly AttemptAnswer[]): LogicalWrite {
  const last = answers[answers.length - 1]!;
  return {
    id,
    action: request.operation.action,
    operation: request.operation.name,
    key: request.key,
    attempts: answers.length,
    result: last.acknowledgedId !== undefined ? 'acknowledged' : retryReason(last) === undefined ? 'rejected' : 'given-up',
    ...(last.acknowledgedId !== undefined && { acknowledgedId: last.acknowledgedId }),
    ...(request.targetId !== undefined && { targetId: request.targetId }),
    mayHaveApplied: answers.some(mayHaveApplied),
    uncertainAttempts: answers.filter((answer) => answer.acknowledgedId === undefined && mayHaveApplied(answer)).length,
    lastAnswer: last.answer.key,
    retriedAfter: answers.slice(0, -1).map((answer) => retryReason(answer) ?? answer.answer.key),
  };
}

/**
 * Runs `clients` closed loops of writers: each picks one of the frontend's
 * mutations, sends it with a fresh Idempotency-Key, and retries it with that
 * same key (`sendWithRetries`) until its answer is definite or the budget is
 * spent; then the next, until `stopAt`. A write begun before `stopAt` is
 * finished after it: every logical write ends acknowledged, rejected or given up.
 * Every attempt is recorded as a request, every logical write once.
 */
export async function runWriteClients(options: WriteClientsOptions): Promise<void> {
  // Shared: an article one writer wrote may get another's comments.
  const articleIds = [...options.articleIds];
  const loop = async (clientIndex: number) => {
    const token = options.tokens[clientIndex % options.tokens.length]!;
    const state: WriterState = { random: Math.random, articleIds, ownComments: [] };
    for (let sequence = 1; performance.now() < options.stopAt; sequence++) {
      const id = `${clientIndex}.${sequence}`;
      const tag = writeTag(options.runTag, id);
      let operation = pickOperation(options.mix, state.random);
      let prepared = operation.prepare(state, tag);
      if (!prepared) {
        // Nothing to delete yet: the mix's first write, which always has something to do, instead.
        operation = options.mix[0]!;
        prepared = operation.prepare(state, tag)!;
      }
      const request: WriteRequest = {
        operation,
        body: JSON.stringify({ query: operation.document, operationName: operation.name, variables: prepared.variables }),
        key: randomUUID(),
        token,
        targetId: prepared.targetId,
      };
      const write = logicalWrite(id, request, await sendWithRetries((attempt) => sendAttempt(options, request, attempt)));
      options.recordWrite(write);
      if (write.result === 'acknowledged' && operation.action === 'comment') state.ownComments.push(write.acknowledgedId!);
      if (write.result === 'acknowledged' && operation.action === 'article') articleIds.push(write.acknowledgedId!);
      if (options.thinkMs > 0) await sleep(options.thinkMs);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, clientIndex) => loop(clientIndex)));
}
