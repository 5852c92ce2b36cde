import type { DataLoader, RequestContext } from '@bff/kit/subgraph';

import type { UserRecord } from './service/usersRepository';
import type { UsersService } from './service/usersService';

/** What the users resolvers get for one request. */
export interface UsersContext extends RequestContext {
  service: UsersService;
  /** Users by id for this request: every lookup of a request (`_entities` too) in one BatchGetItem per 100. */
  usersById: DataLoader<string, UserRecord | null>;
}
