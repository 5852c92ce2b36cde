import { envString } from '@bff/kit';

/** The comments table's name in this stage. */
export const tableName = (): string => envString('COMMENTS_TABLE', 'comments');
