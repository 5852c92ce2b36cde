import addComment from '../../../frontend/src/operations/AddComment.graphql';
import createArticle from '../../../frontend/src/operations/CreateArticle.graphql';
import deleteComment from '../../../frontend/src/operations/DeleteComment.graphql';

/** What a logical write does: adds a comment, writes an article, or deletes one of the writer's comments. */
export type WriteAction = 'comment' | 'article' | 'deletion';

/** What a writing client knows when it picks its next write. */
export interface WriterState {
  random: () => number;
  /** Articles to comment on, shared by every writer: the demo's and those the run's writers were acknowledged. */
  articleIds: string[];
  /** Comments this writer added and was acknowledged, not yet deleted. */
  ownComments: string[];
}

/** One of the frontend's mutations, as the writers send it. */
export interface WriteOperation {
  name: string;
  document: string;
  /** Its share of writes, relative to the others' weights. */
  weight: number;
  action: WriteAction;
  /**
   * The variables of one logical write, its tag written into the text, and for
   * a deletion the comment it deletes; null when there is nothing to do (no
   * comment of one's own to delete).
   */
  prepare(state: WriterState, tag: string): { variables: Record<string, unknown>; targetId?: string } | null;
  /** The id an answer's data acknowledges: the new comment's or article's, or for a deletion the deleted comment's. */
  acknowledgedId(data: Record<string, unknown>, targetId: string | undefined): string | undefined;
}

const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)]!;
const idOf = (value: unknown): string | undefined => {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * The tag a logical write carries in its text (`[load <run> <write>]`): it
 * finds the write's stored items after the run, whatever ids they got, so that
 * a write stored twice shows as two items with one tag.
 */
export const writeTag = (runTag: string, writeId: string) => `[load ${runTag} ${writeId}]`;

/** The write id in a stored text carrying this run's tag, or undefined. */
export function taggedWriteId(text: string, runTag: string): string | undefined {
  const match = /\[load (\S+) (\S+)\]/.exec(text);
  return match && match[1] === runTag ? match[2] : undefined;
}

/**
 * The frontend's mutations only: commenting (80 %, the write the issue
 * measured), deleting one of one's own comments (12 %, when the writer has one:
 * the count goes down as well as up), writing an article (8 %, which later
 * comments may land on). The documents are the frontend's own files.
 */
export const WRITE_MIX: readonly WriteOperation[] = [
  {
    name: 'AddComment',
    document: addComment,
    weight: 80,
    action: 'comment',
    prepare: ({ articleIds, random }, tag) => ({ variables: { input: { articleId: pick(articleIds, random), body: `Load test comment ${tag}` } } }),
    acknowledgedId: (data) => idOf(data.addComment),
  },
  {
    name: 'DeleteComment',
    document: deleteComment,
    weight: 12,
    action: 'deletion',
    prepare: ({ ownComments, random }) => {
      if (ownComments.length === 0) return null;
      // Taken off the writer's list now: whatever the answer, it is never deleted twice.
      const [targetId] = ownComments.splice(Math.floor(random() * ownComments.length), 1);
      return { variables: { id: targetId }, targetId };
    },
    acknowledgedId: (data, targetId) => (data.deleteComment === true ? targetId : undefined),
  },
  {
    name: 'CreateArticle',
    document: createArticle,
    weight: 8,
    action: 'article',
    prepare: (_state, tag) => ({ variables: { input: { title: `Load test article ${tag}`, body: 'Written by npm run load.' } } }),
    acknowledgedId: (data) => idOf(data.createArticle),
  },
];
