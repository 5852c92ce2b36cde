import { Logger } from '@aws-lambda-powertools/logger';

/**
 * Structured JSON logs (AWS Lambda Powertools), one logger per service.
 * The level comes from POWERTOOLS_LOG_LEVEL (or Lambda's own log level setting).
 */
export function createLogger(serviceName: string): Logger {
  return new Logger({ serviceName });
}

export type { Logger };
