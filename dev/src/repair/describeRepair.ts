import type { RepairReport } from './repairStores';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** How many things the repair fixed: finished deletions, removed orphans and fixed counts. */
export const fixedCount = (report: RepairReport): number => report.deletionsFinished.length + report.orphansRemoved.length + report.countsFixed.length;

/** The repair's report as the lines the CLI prints: what it fixed, one line each, then a summary. */
export function describeRepair(report: RepairReport): string {
  const lines = [
    ...report.deletionsFinished.map(({ articleId, commentsRemoved }) => `Finished deleting article ${articleId}: removed ${plural(commentsRemoved, 'comment')}.`),
    ...report.orphansRemoved.map(({ articleId, commentsRemoved }) => `Removed ${plural(commentsRemoved, 'comment')} of article ${articleId}, which no longer exists.`),
    ...report.countsFixed.map(({ articleId, was, counted }) => `Fixed the comment count of article ${articleId}: ${was} → ${counted}.`),
    ...report.countsBusy.map((articleId) => `Left the comment count of article ${articleId}: a write to it is in progress (run again, or a read settles it).`),
  ];
  const fixed = fixedCount(report);
  lines.push(
    fixed === 0 && report.countsBusy.length === 0
      ? `Nothing to repair: ${plural(report.articlesChecked, 'article')} with comments checked, every count matches.`
      : `Repaired ${plural(fixed, 'thing')}; ${plural(report.articlesChecked, 'article')} with comments checked.`,
  );
  return lines.join('\n');
}
