import { envString } from '@bff/kit/subgraph';

/** The comments table's name in this stage. */
export const tableName = (): string => envString('COMMENTS_TABLE', 'comments');
