import { EnvError, parseEnv } from '@bff/kit/core';

import { repairSettings } from '../src/repair/repairSettings';
import { startEnvSchema } from '../src/startSettings';

describe("npm start's variables", () => {
  it('takes the documented defaults from an empty environment, an empty variable counting as unset', () => {
    expect(parseEnv(startEnvSchema, { PORT: '', FRONTEND_PORT: undefined })).toEqual({
      PORT: 4000,
      FRONTEND_PORT: 5173,
      NODE_ENV: 'development',
      SHUTDOWN_GRACE_MS: 10_000,
    });
  });

  it('reads the ports, the frontend switch, the data folder and the grace as set', () => {
    expect(
      parseEnv(startEnvSchema, { PORT: '4001', FRONTEND_PORT: '0', FRONTEND: 'off', LOCAL_DATA_DIR: '/data', NODE_ENV: 'production', SHUTDOWN_GRACE_MS: '500' }),
    ).toMatchObject({ PORT: 4001, FRONTEND_PORT: 0, FRONTEND: 'off', LOCAL_DATA_DIR: '/data', NODE_ENV: 'production', SHUTDOWN_GRACE_MS: 500 });
  });

  it('names every variable that is not a port number, with the value given', () => {
    let error: unknown;
    try {
      parseEnv(startEnvSchema, { PORT: 'abc', FRONTEND_PORT: '70000' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).problems).toEqual(['PORT: must be a port number (got "abc")', 'FRONTEND_PORT: must be a port number (got "70000")']);
  });
});

describe("npm run repair's variables", () => {
  it('reads the tables by the catalogue’s variable names, and says which they are', () => {
    expect(repairSettings({ ARTICLES_TABLE: 'bff-dev-articles', COMMENTS_TABLE: 'bff-dev-comments', LOCAL_DATA_DIR: '' })).toEqual({
      tables: { articles: 'bff-dev-articles', comments: 'bff-dev-comments' },
      tableEnv: { articles: 'ARTICLES_TABLE', comments: 'COMMENTS_TABLE' },
    });
    expect(repairSettings({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', LOCAL_DATA_DIR: '/data' })).toMatchObject({
      dynamoEndpoint: 'http://127.0.0.1:8000',
      localDataDir: '/data',
      tables: { articles: undefined, comments: undefined },
    });
  });
});
