import { createHash } from 'node:crypto';

import { createLogger, type Logger } from '@bff/kit/core';

import { readRegistry, RegistryError, type SubgraphEntry, type SubgraphRegistry } from '../registry/subgraphRegistry';
import type { Upstreams } from '../upstream/upstreams';
import type { SubgraphDefinition } from './composeSupergraph';
import { fetchSubgraphSdl, SubgraphSdlError } from './fetchSubgraphSdl';
import { joinGraphs } from './subgraphNames';
import { subgraphsHash } from './subgraphsHash';
import { SupergraphFileCache } from './supergraphFileCache';

/** A supergraph ready to serve, and what it was made from. */
export interface Supergraph {
  supergraphSdl: string;
  /**
   * The cache key: the hash of the subgraphs' names, urls and SDLs, or
   * `supergraph:<sha256>` for a supergraph the registry holds without one.
   */
  hash: string;
  subgraphs: { name: string; url: string }[];
  /** Composed here, found in the memory or file cache, or taken from the registry. */
  origin: 'composed' | 'memory' | 'file' | 'registry';
  /** Milliseconds spent composing; 0 when nothing was composed. */
  composeMs: number;
}

/** What one look at the registry found. */
export type RefreshOutcome =
  | { status: 'unchanged'; supergraph: Supergraph }
  | { status: 'updated'; supergraph: Supergraph; previous: Supergraph }
  | { status: 'failed'; supergraph: Supergraph; error: Error };

export interface SupergraphSourceOptions {
  registry: SubgraphRegistry;
  /** How often a request may trigger a look at the registry; 0 never looks again. Default 30 s. */
  pollIntervalMs?: number;
  /** A folder for the file cache (e.g. `.local/`, `/tmp`); none when absent. */
  cacheDir?: string;
  logger?: Logger;
  /** Milliseconds; injectable so that tests need not wait for the interval. */
  now?: () => number;
  /** The gateway's subgraph clients: SDL introspection goes through them like every other call. */
  upstreams?: Upstreams;
  /** Asks a subgraph listed without SDL for it; `_service { sdl }` through its subgraph client in `upstreams` by default. */
  fetchSdl?: (entry: SubgraphEntry) => Promise<string>;
  /** Subgraphs → supergraph SDL; @theguild/federation-composition by default. */
  compose?: (subgraphs: SubgraphDefinition[]) => string | Promise<string>;
}

/** How many composed supergraphs a warm process remembers, e.g. to roll back without composing. */
const MEMORY_ENTRIES = 8;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The gateway's supergraph: read from the registry, composed in-process, cached
 * by the hash of the subgraphs, and kept current by a lazy poll. Engine-agnostic:
 * it hands out supergraph SDL; an engine turns that into a schema.
 *
 * How a handler uses it:
 * - `await source.current()` before serving: the first call loads (registry →
 *   SDLs → composition); if that fails it rejects, and a later call tries again.
 * - `void source.refreshIfDue()` on every request: when the poll interval has
 *   passed it looks at the registry in the background (one look at a time; no
 *   timers, so a frozen Lambda costs nothing). Unchanged subgraphs cost no
 *   composition; a failed composition or an unreachable subgraph is logged and
 *   the last good supergraph stays.
 * - `source.onUpdate((supergraph) => engine.update(supergraph.supergraphSdl))`
 *   swaps the schema. A listener that throws refuses the update: the source
 *   keeps the previous supergraph and offers the new one again at the next poll.
 */
export class SupergraphSource {
  private readonly registry: SubgraphRegistry;
  private readonly pollIntervalMs: number;
  private readonly fileCache: SupergraphFileCache | undefined;
  private readonly logger: Logger;
  private readonly now: () => number;
  private readonly fetchSdl: (entry: SubgraphEntry) => Promise<string>;
  private readonly compose: (subgraphs: SubgraphDefinition[]) => string | Promise<string>;
  private readonly listeners = new Set<(supergraph: Supergraph) => void>();
  private readonly memory = new Map<string, string>();
  private latest: Supergraph | undefined;
  private loading: Promise<Supergraph> | undefined;
  private refreshing: Promise<RefreshOutcome> | undefined;
  private lastCheckAt = 0;

  constructor(options: SupergraphSourceOptions) {
    this.registry = options.registry;
    this.pollIntervalMs = options.pollIntervalMs ?? 30_000;
    this.fileCache = options.cacheDir ? new SupergraphFileCache(options.cacheDir) : undefined;
    this.logger = options.logger ?? createLogger('gateway');
    this.now = options.now ?? Date.now;
    const { upstreams } = options;
    this.fetchSdl =
      options.fetchSdl ??
      ((entry) =>
        upstreams
          ? fetchSubgraphSdl(entry, upstreams.for(entry.name))
          : Promise.reject(new SubgraphSdlError(`subgraph "${entry.name}" is listed without SDL, and there is no subgraph client to ask it for one`)));
    // Loaded when first needed: a supergraph from the registry or a cache needs no composer at cold start.
    this.compose = options.compose ?? (async (subgraphs) => (await import('./composeSupergraph')).composeSupergraph(subgraphs));
  }

  /** The supergraph to serve: the last good one, or the first load (shared by concurrent callers, retried after a failure). */
  current(): Promise<Supergraph> {
    if (this.latest) return Promise.resolve(this.latest);
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /**
   * Starts a look at the registry when the poll interval has passed since the
   * last one and none is running; returns it (it never rejects), or undefined
   * when none was started. Does nothing before the first load.
   */
  refreshIfDue(): Promise<RefreshOutcome> | undefined {
    if (!this.latest || this.pollIntervalMs <= 0 || this.refreshing) return undefined;
    if (this.now() - this.lastCheckAt < this.pollIntervalMs) return undefined;
    return this.refresh();
  }

  /**
   * Looks at the registry now, or joins the look already running. Once a
   * supergraph is loaded it never rejects: a failure keeps the last good one.
   * Before that it is the first load, and rejects as `current()` does.
   */
  refresh(): Promise<RefreshOutcome> {
    if (!this.latest) return this.current().then((supergraph) => ({ status: 'unchanged', supergraph }));
    this.refreshing ??= this.check(this.latest).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Calls `listener` with each new supergraph after the first; returns the unsubscriber. */
  onUpdate(listener: (supergraph: Supergraph) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(): Promise<Supergraph> {
    this.lastCheckAt = this.now();
    try {
      const supergraph = await this.build(undefined);
      this.latest = supergraph;
      this.logger.info('Supergraph loaded', this.describe(supergraph));
      return supergraph;
    } catch (error) {
      this.logger.error('The supergraph could not be loaded', { registry: this.registry.source, error: asError(error) });
      throw error;
    }
  }

  private async check(previous: Supergraph): Promise<RefreshOutcome> {
    this.lastCheckAt = this.now();
    let next: Supergraph | undefined;
    try {
      next = await this.build(previous);
      if (!next) return { status: 'unchanged', supergraph: previous };
      for (const listener of this.listeners) listener(next);
      this.latest = next;
      this.logger.info('Supergraph updated', { ...this.describe(next), previousHash: previous.hash });
      return { status: 'updated', supergraph: next, previous };
    } catch (error) {
      this.logger.error('The registry changed but the new supergraph is not served: the last good one keeps serving', {
        registry: this.registry.source,
        subgraphs: (next ?? previous).subgraphs,
        servingHash: previous.hash,
        error: asError(error),
      });
      return { status: 'failed', supergraph: previous, error: asError(error) };
    }
  }

  /** The supergraph the registry describes now, or undefined when it is the one `previous` already is. */
  private async build(previous: undefined): Promise<Supergraph>;
  private async build(previous: Supergraph): Promise<Supergraph | undefined>;
  private async build(previous: Supergraph | undefined): Promise<Supergraph | undefined> {
    const snapshot = await readRegistry(this.registry);
    const held = snapshot.supergraph;
    if (held && held.subgraphsHash === undefined) {
      // Composed elsewhere and recorded without a hash: served as it is.
      const hash = `supergraph:${sha256(held.supergraphSdl)}`;
      if (previous?.hash === hash) return undefined;
      return { supergraphSdl: held.supergraphSdl, hash, subgraphs: joinGraphs(held.supergraphSdl).map(({ name, url }) => ({ name, url })), origin: 'registry', composeMs: 0 };
    }
    if (snapshot.subgraphs.length === 0) throw new RegistryError(`${this.registry.source}: lists no subgraphs`);
    const subgraphs = await Promise.all(
      snapshot.subgraphs.map(async (entry) => ({ name: entry.name, url: entry.url, sdl: entry.sdl ?? (await this.fetchSdl(entry)) })),
    );
    const hash = subgraphsHash(subgraphs);
    if (previous?.hash === hash) return undefined;
    const listed = subgraphs.map(({ name, url }) => ({ name, url }));

    const remembered = this.memory.get(hash);
    if (remembered !== undefined) return { supergraphSdl: remembered, hash, subgraphs: listed, origin: 'memory', composeMs: 0 };
    if (held?.subgraphsHash === hash) {
      this.remember(hash, held.supergraphSdl);
      return { supergraphSdl: held.supergraphSdl, hash, subgraphs: listed, origin: 'registry', composeMs: 0 };
    }
    if (held) {
      this.logger.info("The registry's supergraph was composed from other subgraphs: composing", {
        registry: this.registry.source,
        registryHash: held.subgraphsHash,
        hash,
      });
    }
    const cached = await this.fileCache?.read(hash);
    if (cached !== undefined) {
      this.remember(hash, cached);
      return { supergraphSdl: cached, hash, subgraphs: listed, origin: 'file', composeMs: 0 };
    }

    const started = performance.now();
    const supergraphSdl = await this.compose(subgraphs);
    const composeMs = performance.now() - started;
    this.remember(hash, supergraphSdl);
    await this.fileCache?.write(hash, supergraphSdl).catch((error: unknown) => {
      // The cache only saves time: the supergraph is served all the same.
      this.logger.warn('Could not write the supergraph cache file', { file: this.fileCache?.file, error: asError(error) });
    });
    return { supergraphSdl, hash, subgraphs: listed, origin: 'composed', composeMs };
  }

  private remember(hash: string, supergraphSdl: string): void {
    this.memory.delete(hash);
    this.memory.set(hash, supergraphSdl);
    // Map keeps insertion order: the first key is the least recently stored.
    if (this.memory.size > MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value as string);
  }

  private describe(supergraph: Supergraph) {
    return {
      registry: this.registry.source,
      subgraphs: supergraph.subgraphs,
      origin: supergraph.origin,
      hash: supergraph.hash,
      composeMs: Math.round(supergraph.composeMs * 10) / 10,
    };
  }
}
