/**
 * A light HTTP client for the load a benchmark puts on the app: node:http over keep-alive
 * connections, one per concurrent client. It asks for gzip as a browser does (the server does the
 * compressing it would do for real users) but does not unpack the answer, and it skips `fetch`'s
 * web streams: the load generator shares the machine's two cores with the app and Postgres, and
 * `fetch` cost it 0.8–1.8 ms of CPU per request against ~0.25 ms here, time taken from the server
 * being measured.
 */
import http from 'node:http';

export interface HttpClient {
  /** GET `path`; resolves with the status and the bytes received (compressed, as sent). */
  get(path: string): Promise<{ status: number; bytes: number }>;
  close(): void;
}

export function httpClient(baseUrl: string, connections: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const base = new URL(baseUrl);
  return {
    get: (path) =>
      new Promise((resolve, reject) => {
        const request = http.get({ host: base.hostname, port: base.port, path, agent, headers: { 'accept-encoding': 'gzip' } }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes }));
          response.on('error', reject);
        });
        request.on('error', reject);
      }),
    close: () => agent.destroy(),
  };
}
