import type { StoreSnapshot } from './storeSnapshot';
import type { StoredWrites } from './systemProtocol';
import type { LogicalWrite } from './writeClients';
import { taggedWriteId, type WriteAction } from './writeMix';

/** How the logical writes of one action ended. */
export interface WriteResults {
  sent: number;
  acknowledged: number;
  /** A definite error: refused, nothing to retry. */
  rejected: number;
  /** Still failing when the retry budget ran out, by whether some attempt may have been applied. */
  givenUp: { unknown: number; notApplied: number };
}

/** This run's items of one kind in the table at the end, against what the writers were told. */
export interface ItemAudit {
  /** Items carrying this run's tag. */
  stored: number;
  /** What should be there: every acknowledged write's item, less the comments whose deletion was acknowledged. */
  expected: number;
  /** Acknowledged, not deleted, and not stored. */
  lost: number;
  /** Items beyond the first of one logical write (a write stored three times counts 2), or not the one it was acknowledged with. */
  duplicated: number;
  /** Stored items of writes given up with outcome unknown: neither lost nor duplicated, reported apart. */
  givenUpStored: number;
  /** Stored items that no write may have made: a write answered as not applied or refused, stored anyway. */
  unexplained: number;
}

/** The comment counters at the end against the comments stored, article by article. */
export interface CountAudit {
  /** Sum of every counter as read, before settling the changes writers left on them. */
  rawSum: number;
  pendingChanges: number;
  settledChanges: number;
  /** Sum once settled: what the next read of each count would give. The one compared. */
  settledSum: number;
  /** Comments stored, the demo's included. */
  storedComments: number;
  /** Articles with comments or a counter, compared one by one. */
  articlesCompared: number;
  /** Of those, articles whose settled counter is not their number of stored comments. */
  mismatched: number;
}

/** Every logical write of a run checked against the store: nothing lost, nothing twice, counts equal. */
export interface WriteAudit {
  runTag: string;
  results: Record<WriteAction, WriteResults>;
  /** Requests sent for writes: first attempts and retries. */
  attempts: number;
  retries: number;
  /** Failed attempts that may have been applied (no answer, a cut connection, outcome unknown): without keys, possible duplicates. */
  uncertainAttempts: number;
  /** Answers that were retried, by key (`NETWORK_ERROR`, `SUBGRAPH_UNAVAILABLE`, `HTTP 503`, …). */
  retriedAfter: Record<string, number>;
  /** The most attempts one logical write took. */
  maxAttempts: number;
  /** Rejected writes by their answer's key. */
  rejectedBy: Record<string, number>;
  comments: ItemAudit & {
    /** Acknowledged deletions whose comment is still stored. */
    deletionsNotApplied: number;
    /** Comments whose deletion was given up: there or not, neither counts. */
    deletionsUncertain: number;
  };
  articles: ItemAudit;
  counts: CountAudit;
  /** A few of the writes that went wrong, to look into. */
  examples: string[];
}

const MAX_EXAMPLES = 20;

function groupByWrite<T>(items: readonly T[], textOf: (item: T) => string, runTag: string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const writeId = taggedWriteId(textOf(item), runTag);
    if (writeId === undefined) continue;
    const group = groups.get(writeId);
    if (group) group.push(item);
    else groups.set(writeId, [item]);
  }
  return groups;
}

function results(writes: readonly LogicalWrite[]): WriteResults {
  const givenUp = writes.filter((write) => write.result === 'given-up');
  return {
    sent: writes.length,
    acknowledged: writes.filter((write) => write.result === 'acknowledged').length,
    rejected: writes.filter((write) => write.result === 'rejected').length,
    givenUp: { unknown: givenUp.filter((write) => write.mayHaveApplied).length, notApplied: givenUp.filter((write) => !write.mayHaveApplied).length },
  };
}

/**
 * Checks the items of one kind that carry this run's tag against the writes
 * that made them: each acknowledged write's item is stored once, with the id
 * the writer was given (unless its deletion was acknowledged), and nothing else
 * of the run is stored but what a given-up write may have made.
 */
function auditItems<T extends { id: string }>(
  writes: readonly LogicalWrite[],
  stored: Map<string, T[]>,
  deletion: { acknowledged: ReadonlySet<string>; uncertain: ReadonlySet<string> },
  example: (text: string) => void,
): ItemAudit & { deletionsNotApplied: number } {
  const audit = { stored: 0, expected: 0, lost: 0, duplicated: 0, givenUpStored: 0, unexplained: 0, deletionsNotApplied: 0 };
  for (const items of stored.values()) audit.stored += items.length;
  const byId = new Map(writes.map((write) => [write.id, write]));
  for (const [writeId, items] of stored) {
    if (!byId.has(writeId)) {
      audit.unexplained += items.length;
      example(`stored items of write ${writeId}, which no client sent`);
    }
  }
  for (const write of writes) {
    const items = stored.get(write.id) ?? [];
    if (write.result === 'acknowledged') {
      const id = write.acknowledgedId!;
      const present = items.some((item) => item.id === id);
      const deleted = deletion.acknowledged.has(id);
      const uncertain = deletion.uncertain.has(id);
      if (!deleted) audit.expected++;
      if (!present && !deleted && !uncertain) {
        audit.lost++;
        example(`lost: ${write.operation} ${write.id} acknowledged with ${id}, not stored`);
      }
      if (present && deleted) {
        audit.deletionsNotApplied++;
        example(`deletion of ${id} (${write.operation} ${write.id}) acknowledged, still stored`);
      }
      const others = items.filter((item) => item.id !== id).length;
      if (others > 0) {
        audit.duplicated += others;
        example(`duplicated: ${write.operation} ${write.id} acknowledged with ${id}, stored ${items.length} times (${write.attempts} attempts)`);
      }
    } else if (items.length > 0) {
      if (write.result === 'given-up' && write.mayHaveApplied) {
        audit.givenUpStored++;
        audit.duplicated += items.length - 1;
      } else {
        audit.unexplained += items.length;
        example(`${write.operation} ${write.id} ${write.result} (last answer ${write.lastAnswer}), yet stored`);
      }
    }
  }
  return audit;
}

function auditCounts(store: StoreSnapshot, stored: StoredWrites, example: (text: string) => void): CountAudit {
  const perArticle = new Map<string, { counter: number; comments: number }>();
  const entry = (articleId: string) => perArticle.get(articleId) ?? perArticle.set(articleId, { counter: 0, comments: 0 }).get(articleId)!;
  for (const counter of store.counters) entry(counter.articleId).counter = counter.count;
  for (const comment of store.comments) entry(comment.articleId).comments++;
  let mismatched = 0;
  for (const [articleId, { counter, comments }] of perArticle) {
    if (counter === comments) continue;
    mismatched++;
    example(`article ${articleId}: commentCount ${counter}, ${comments} comments stored`);
  }
  return {
    rawSum: stored.commentCountRawSum,
    pendingChanges: stored.pendingCountChanges,
    settledChanges: stored.settledCountChanges,
    settledSum: stored.commentCountSum,
    storedComments: store.comments.length,
    articlesCompared: perArticle.size,
    mismatched,
  };
}

const tally = (keys: readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
};

/**
 * Compares every logical write of a run with the store at its end (`store`,
 * its counters settled; `stored`, the counts with the raw counter sum). Pure:
 * the report and the test read the same numbers.
 */
export function auditWrites(writes: readonly LogicalWrite[], store: StoreSnapshot, stored: StoredWrites, runTag: string): WriteAudit {
  const examples: string[] = [];
  const example = (text: string) => void (examples.length < MAX_EXAMPLES && examples.push(text));
  const of = (action: WriteAction) => writes.filter((write) => write.action === action);
  const deletions = of('deletion');
  const deletion = {
    acknowledged: new Set(deletions.filter((write) => write.result === 'acknowledged').map((write) => write.targetId!)),
    uncertain: new Set(deletions.filter((write) => write.result === 'given-up' && write.mayHaveApplied).map((write) => write.targetId!)),
  };
  for (const write of deletions) {
    if (write.result === 'rejected') example(`deletion ${write.id} of ${write.targetId} refused: ${write.lastAnswer}`);
  }
  const comments = auditItems(of('comment'), groupByWrite(store.comments, (comment) => comment.body, runTag), deletion, example);
  const none = { acknowledged: new Set<string>(), uncertain: new Set<string>() };
  const { deletionsNotApplied: _none, ...articles } = auditItems(of('article'), groupByWrite(store.articles, (article) => article.title, runTag), none, example);
  const attempts = writes.reduce((sum, write) => sum + write.attempts, 0);
  return {
    runTag,
    results: { comment: results(of('comment')), deletion: results(deletions), article: results(of('article')) },
    attempts,
    retries: attempts - writes.length,
    uncertainAttempts: writes.reduce((sum, write) => sum + write.uncertainAttempts, 0),
    retriedAfter: tally(writes.flatMap((write) => write.retriedAfter)),
    maxAttempts: writes.reduce((max, write) => Math.max(max, write.attempts), 0),
    rejectedBy: tally(writes.filter((write) => write.result === 'rejected').map((write) => write.lastAnswer)),
    comments: { ...comments, deletionsUncertain: deletion.uncertain.size },
    articles,
    counts: auditCounts(store, stored, example),
    examples,
  };
}
