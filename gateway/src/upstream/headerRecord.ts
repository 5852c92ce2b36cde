/** Any header form fetch implementations pass around (Headers, pairs, plain object) as a plain object. */
export function headerRecord(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    const record: Record<string, string> = {};
    (headers as Headers).forEach((value, key) => {
      record[key.toLowerCase()] = value;
    });
    return record;
  }
  const entries = Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers as Record<string, string>);
  return Object.fromEntries(entries.map(([key, value]) => [key.toLowerCase(), String(value)]));
}
