import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the warm-up's stand-in for AWS answers. */
export interface FakeAwsOptions {
  /** The Secrets Manager secret, as JSON. */
  secretString: string;
  /**
   * The SSM registry: parameters under any path, and the composed supergraph. Read at
   * each request, so that it can be set once the server's port (which its URLs name) is known.
   */
  registry?: { entries: { name: string; url: string; sdl: string }[]; supergraph: string };
  /** `0.0.0.0` when a container must reach it. */
  host: string;
}

export interface FakeAws {
  port: number;
  close: () => Promise<void>;
}

function json(response: ServerResponse, status: number, body: unknown, contentType = 'application/x-amz-json-1.1'): void {
  response.writeHead(status, { 'content-type': contentType });
  response.end(JSON.stringify(body));
}

/**
 * A stand-in for the AWS APIs and the subgraphs a function calls on its first
 * request, so that the build can make that request offline and the code cache
 * holds the code a real one runs: Secrets Manager's GetSecretValue, the SSM
 * registry, DynamoDB (every read empty, every write accepted) and subgraphs
 * (`POST /subgraphs/<name>`, answered with no data). It checks no signature: it
 * serves the build, never a deployment.
 */
export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const target = String(request.headers['x-amz-target'] ?? '');
      if (request.url?.startsWith('/subgraphs/')) {
        const representations = /_entities/.test(body) ? ((JSON.parse(body) as { variables?: { representations?: unknown[] } }).variables?.representations ?? []) : undefined;
        return json(response, 200, representations ? { data: { _entities: representations.map(() => null) } } : { data: null }, 'application/json');
      }
      if (target === 'secretsmanager.GetSecretValue') {
        return json(response, 200, { ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:warm-up', Name: 'warm-up', SecretString: options.secretString });
      }
      if (target === 'AmazonSSM.GetParametersByPath') {
        const path = (JSON.parse(body) as { Path: string }).Path.replace(/\/$/, '');
        const parameters = (options.registry?.entries ?? []).map((entry) => ({ Name: `${path}/${entry.name}`, Type: 'String', Value: JSON.stringify(entry), Version: 1 }));
        return json(response, 200, { Parameters: parameters });
      }
      if (target === 'AmazonSSM.GetParameter' && options.registry) {
        const name = (JSON.parse(body) as { Name: string }).Name;
        return json(response, 200, { Parameter: { Name: name, Type: 'String', Value: options.registry.supergraph, Version: 1 } });
      }
      if (target.startsWith('DynamoDB_20120810.')) return json(response, 200, target.endsWith('.Query') ? { Items: [], Count: 0 } : {}, 'application/x-amz-json-1.0');
      json(response, 400, { __type: 'UnknownOperationException', message: `The warm-up does not serve ${target || request.url}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
