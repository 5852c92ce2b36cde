import { setTimeout as sleep } from 'node:timers/promises';

import { CLIENT_TIMEOUT, classifyAnswer, type ClassifiedAnswer, failure, NETWORK_ERROR } from './classifyAnswer';
import { type ClientContext, type ClientMix, pickOperation, type WriteKind } from './clientMix';

/** One request and its answer, as a run records it. */
export interface Sample {
  operation: string;
  /** When it was sent, in ms since the run started. */
  sentAt: number;
  latencyMs: number;
  /** The HTTP status; 0 when no answer came. */
  status: number;
  outcome: ClassifiedAnswer['outcome'];
  key: string;
  codes: string[];
  /** For a write: what it writes, whether the answer acknowledged it, and if not, whether it may have been applied. */
  write?: WriteKind;
  acknowledged?: boolean;
  writeOutcome?: string;
  /** For a write retried with its key: which attempt of its logical write this was (1 for the first). */
  attempt?: number;
}

export interface ClientsOptions {
  gatewayUrl: string;
  clients: number;
  /** The run's clock origin (`performance.now()`) and when clients stop sending. */
  startedAt: number;
  stopAt: number;
  /** Pause between an answer and the next request of the same client. */
  thinkMs: number;
  mix: ClientMix;
  /** Bearer tokens, shared round-robin: one login each at setup, not one per client. */
  tokens: readonly string[];
  articleIds: readonly string[];
  secondPageCursor: string | null;
  record: (sample: Sample) => void;
}

/** API Gateway's integration limit: past it a real client would have had a 504. */
const CLIENT_TIMEOUT_MS = 29_000;

/**
 * Runs `clients` closed loops over keep-alive HTTP (Node's fetch): each sends an
 * operation of the mix, waits for the answer, records it, and sends the next,
 * until `stopAt`. A closed loop slows down with the system instead of piling up
 * requests, as users waiting for a page do.
 */
export async function runClients(options: ClientsOptions): Promise<void> {
  const loop = async (clientIndex: number) => {
    const token = options.tokens[clientIndex % options.tokens.length]!;
    const context: ClientContext = {
      clientIndex,
      sequence: 0,
      articleIds: options.articleIds,
      secondPageCursor: options.secondPageCursor,
      random: Math.random,
    };
    while (performance.now() < options.stopAt) {
      const operation = pickOperation(options.mix, context.random);
      const body = JSON.stringify({ query: operation.document, operationName: operation.name, variables: operation.variables(context) });
      context.sequence++;
      const sent = performance.now();
      let status = 0;
      let answer: ClassifiedAnswer;
      try {
        const response = await fetch(options.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
          signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
        });
        status = response.status;
        answer = classifyAnswer(await response.text());
      } catch (error) {
        answer = failure((error as Error).name === 'TimeoutError' ? CLIENT_TIMEOUT : NETWORK_ERROR);
      }
      options.record({
        operation: operation.name,
        sentAt: sent - options.startedAt,
        latencyMs: performance.now() - sent,
        status,
        outcome: answer.outcome,
        key: answer.key,
        codes: answer.codes,
        ...(operation.write && {
          write: operation.write.kind,
          acknowledged: answer.data !== null && operation.write.acknowledged(answer.data),
          ...(answer.writeOutcome && { writeOutcome: answer.writeOutcome }),
        }),
      });
      if (options.thinkMs > 0) await sleep(options.thinkMs);
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, clientIndex) => loop(clientIndex)));
}
