import { ENGINE_NAMES, type EngineName } from '@bff/gateway/engines';
import type { App } from 'aws-cdk-lib';

import { type CodeCacheSettings, readCodeCacheSettings } from './codeCache/codeCacheSettings';

/** What one deployment is: read from CDK context (`-c app=... -c stage=... -c corsOrigins=... -c gatewayEngine=...`). */
export interface AppSettings {
  app: string;
  stage: string;
  /** Browser origins the gateway answers with CORS headers; none by default. */
  corsOrigins: string[];
  /** The gateway's engine (`-c gatewayEngine=apollo`); its bundle holds this engine only. Default stitch. */
  gatewayEngine: EngineName;
  /**
   * API Gateway throttling on the gateway's stage (`-c gatewayRateLimit=500 -c gatewayBurstLimit=1000`):
   * past it clients get 429 at the edge, before a Lambda (or a subgraph) is woken.
   */
  gatewayThrottle: { rateLimit: number; burstLimit: number };
  /** Where each bundle's V8 code cache is made (`-c codeCache=off|local|lambda`); off by default, lambda for `npm run deploy`. */
  codeCache: CodeCacheSettings;
}

// Names end up in stack names, IAM role names, SSM paths and secret names: keep them to what all four accept.
const NAME = /^[a-z][a-z0-9-]{0,19}$/;

export function readAppSettings(app: App): AppSettings {
  const read = (key: string, fallback: string): string => {
    const value: unknown = app.node.tryGetContext(key);
    return typeof value === 'string' && value !== '' ? value : fallback;
  };
  const settings: AppSettings = {
    app: read('app', 'bff'),
    stage: read('stage', 'dev'),
    corsOrigins: read('corsOrigins', '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    gatewayEngine: read('gatewayEngine', 'stitch') as EngineName,
    gatewayThrottle: { rateLimit: Number(read('gatewayRateLimit', '500')), burstLimit: Number(read('gatewayBurstLimit', '1000')) },
    codeCache: readCodeCacheSettings(app),
  };
  for (const [key, value] of Object.entries(settings.gatewayThrottle)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`gateway ${key} must be a whole number above 0, got ${value}`);
  }
  if (!(ENGINE_NAMES as readonly string[]).includes(settings.gatewayEngine)) {
    throw new Error(`gatewayEngine "${settings.gatewayEngine}" must be one of ${ENGINE_NAMES.join(', ')}`);
  }
  for (const key of ['app', 'stage'] as const) {
    if (!NAME.test(settings[key])) throw new Error(`${key} "${settings[key]}" must match ${String(NAME)}`);
  }
  return settings;
}

/** Production stages keep their data and secrets when a stack is deleted. */
export function isProdStage(stage: string): boolean {
  return stage === 'prod' || stage === 'production' || stage.startsWith('prod-');
}

/** Stack names: `<app>-<stage>-<part>`. */
export const stackName = (settings: AppSettings, part: string): string => `${settings.app}-${settings.stage}-${part}`;

/** The registry: one SSM parameter per subgraph under this path. */
export const registryPrefix = (settings: AppSettings): string => `/${settings.app}/${settings.stage}/subgraphs/`;

/** Where each subgraph stack publishes its HTTP API id, for callers that need to sign for it. */
export const apiIdParameterName = (settings: AppSettings, subgraph: string): string =>
  `/${settings.app}/${settings.stage}/apis/${subgraph}`;

/** Where the shared stack publishes the auth secret's full ARN. */
export const authSecretArnParameterName = (settings: AppSettings): string => `/${settings.app}/${settings.stage}/shared/auth-secret-arn`;

export const authSecretName = (settings: AppSettings): string => `${settings.app}/${settings.stage}/auth`;

/**
 * The gateway's execution role: created by the shared stack under a fixed name so
 * that each subgraph stack can grant it invoke on its own API without the gateway
 * stack changing. The region is part of it because IAM names are global per account.
 */
export const gatewayRoleName = (settings: AppSettings, region: string): string => `${settings.app}-${settings.stage}-${region}-gateway`;
