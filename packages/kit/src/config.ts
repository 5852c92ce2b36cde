/**
 * Configuration is read here and nowhere else. Names are per service where
 * several services may share one process (the local system runs all of them in one).
 */
export function envString(name: string, fallback: string): string {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : value;
}

export function envOptional(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export function envInt(name: string, fallback: number): number {
  const raw = envOptional(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

/** True outside production: introspection and other developer conveniences are on. */
export function isDevelopment(): boolean {
  return envString('NODE_ENV', 'development') !== 'production';
}

/** Where DynamoDB is: unset in AWS; the local store's URL locally and in tests. */
export function dynamoEndpoint(): string | undefined {
  return envOptional('DYNAMODB_ENDPOINT');
}
