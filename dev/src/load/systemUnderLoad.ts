import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { SETTLE_AFTER_MS } from '@bff/comments/counter';
import type { ApiGatewayHandler, Env } from '@bff/kit/core';

import { devSecrets } from '../devSecrets';
import { startLocalSystem } from '../localSystem';
import { countStoredWrites } from './storedWrites';
import type { SystemCommand, SystemReply } from './systemProtocol';

/** Longest wait for in-flight subgraph requests before counting anyway. */
const IDLE_WAIT_MS = 15_000;

/**
 * The child process of `npm run load`: the whole local system (in memory, fresh
 * demo data, new secrets) in a process of its own, so that the load generator
 * does not take its CPU. It obeys the parent's commands over IPC; its services
 * log to stdout and stderr, which the parent reads.
 */
export async function serveSystemUnderLoad(env: Env): Promise<void> {
  const send = (reply: SystemReply) => process.send?.(reply);
  const workDir = await mkdtemp(join(tmpdir(), 'bff-load-'));
  const secrets = await devSecrets(workDir, env);

  // Subgraph handlers in flight, and requests served: counting waits for the first to drain.
  let inFlight = 0;
  const requests: Record<string, number> = {};
  const instrument =
    (subgraph: string, handler: ApiGatewayHandler): ApiGatewayHandler =>
    async (event, context) => {
      inFlight++;
      requests[subgraph] = (requests[subgraph] ?? 0) + 1;
      try {
        return await handler(event, context);
      } finally {
        inFlight--;
      }
    };

  // The engine and every other setting come from the environment the parent gave.
  const system = await startLocalSystem({ workDir, env: { ...env, ...secrets }, instrument });
  let closing: Promise<void> | undefined;
  const closeAll = () =>
    (closing ??= system.close().then(() => rm(workDir, { recursive: true, force: true })));

  const obey = async (command: SystemCommand): Promise<SystemReply> => {
    switch (command.type) {
      case 'stop-subgraph':
        await system.stopSubgraph(command.subgraph);
        return { type: 'done', id: command.id };
      case 'start-subgraph':
        await system.startSubgraph(command.subgraph);
        return { type: 'done', id: command.id };
      case 'count': {
        const waitUntil = Date.now() + IDLE_WAIT_MS;
        while (inFlight > 0 && Date.now() < waitUntil) await sleep(20);
        // Idle, nothing can be mid-write: every pending count change is settled, as the repair does.
        // Still busy: only those older than any request can live, as the next read would.
        const count = await countStoredWrites(system.stores, { settleAfterMs: inFlight === 0 ? 0 : SETTLE_AFTER_MS, withItems: command.withItems });
        const cpu = process.cpuUsage();
        return { type: 'done', id: command.id, count, subgraphRequests: { ...requests }, cpuMs: (cpu.user + cpu.system) / 1000 };
      }
      case 'close':
        await closeAll();
        return { type: 'done', id: command.id };
    }
  };
  process.on('message', (command: SystemCommand) => {
    obey(command).then(
      (reply) => {
        send(reply);
        if (command.type === 'close') process.disconnect();
      },
      (error: unknown) => send({ type: 'failed', id: command.id, message: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The parent went away (Ctrl-C, a crash): nothing may outlive it.
  process.on('disconnect', () => void closeAll().finally(() => process.exit(0)));
  send({ type: 'ready', gatewayUrl: system.gatewayUrl, engine: system.engine });
}
