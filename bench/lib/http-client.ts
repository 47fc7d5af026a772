/**
 * A light HTTP/1.1 client for the load a benchmark puts on the app: plain TCP sockets kept alive,
 * one per concurrent client, one request at a time on each; requests written as bytes and
 * answers read just far enough to know the status and where the body ends (Content-Length or
 * chunked). It asks for gzip as a browser does (the server does the compressing it would do for
 * real users) but does not unpack the answer.
 *
 * The load generator shares the machine's two cores with the app and Postgres, so what it spends
 * is taken from the server being measured: `fetch` cost 0.8–1.8 ms of CPU per request, node:http
 * with a keep-alive agent 0.3–0.9 ms, this 0.1–0.4 ms (bench:search prints its own as
 * `clientCpuMsPerRequest`: 0.22–0.26 ms in the latest runs).
 */
import net from 'node:net';

export interface HttpClient {
  /** GET `path` (with a Cookie header when given); resolves with the status and the bytes received (compressed, as sent). */
  get(path: string, cookie?: string): Promise<{ status: number; bytes: number }>;
  close(): void;
}

interface Pending {
  resolve(answer: { status: number; bytes: number }): void;
  reject(error: Error): void;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

/** One keep-alive connection: parses each answer as it arrives. */
class Connection {
  readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: Pending | null = null;
  /** The answer being read: its status, and how its body ends. */
  private status = 0;
  private headerBytes = 0;
  private bodyLength = -1; // -1: no header read yet
  private chunked = false;
  private closeAfter = false;
  closed = false;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    const fail = (error: Error) => {
      this.closed = true;
      this.pending?.reject(error);
      this.pending = null;
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('connection closed before the answer was complete')));
  }

  send(request: Buffer, pending: Pending) {
    this.pending = pending;
    this.bodyLength = -1;
    this.socket.write(request);
  }

  private parse() {
    if (!this.pending) return;
    if (this.bodyLength === -1) {
      const end = this.buffer.indexOf(HEADER_END);
      if (end < 0) return;
      const head = this.buffer.toString('latin1', 0, end);
      this.status = Number(head.slice(9, 12));
      const lower = head.toLowerCase();
      const length = /\r\ncontent-length:\s*(\d+)/.exec(lower);
      this.chunked = /\r\ntransfer-encoding:[^\r]*chunked/.test(lower);
      this.closeAfter = /\r\nconnection:\s*close/.test(lower);
      this.bodyLength = length ? Number(length[1]) : 0;
      this.headerBytes = end + HEADER_END.length;
      this.buffer = this.buffer.subarray(this.headerBytes);
      if (this.chunked) this.bodyLength = 0;
    }
    if (this.chunked) {
      // size CRLF data CRLF … 0 CRLF CRLF
      for (;;) {
        const lineEnd = this.buffer.indexOf(CRLF);
        if (lineEnd < 0) return;
        const size = Number.parseInt(this.buffer.toString('latin1', 0, lineEnd), 16);
        if (this.buffer.length < lineEnd + 2 + size + 2) return;
        this.buffer = this.buffer.subarray(lineEnd + 2 + size + 2);
        this.bodyLength += size;
        if (size === 0) break;
      }
    } else {
      if (this.buffer.length < this.bodyLength) return;
      this.buffer = this.buffer.subarray(this.bodyLength);
    }
    const pending = this.pending;
    this.pending = null;
    if (this.closeAfter) {
      this.closed = true;
      this.socket.destroy();
    }
    pending.resolve({ status: this.status, bytes: this.bodyLength });
  }
}

export function httpClient(baseUrl: string, connections: number): HttpClient {
  const base = new URL(baseUrl);
  const host = base.hostname === 'localhost' ? '127.0.0.1' : base.hostname;
  const port = Number(base.port || 80);
  const hostHeader = base.host;
  const idle: Connection[] = [];
  const all = new Set<Connection>();
  const queue: (() => void)[] = [];
  let open = 0;

  const take = (): Promise<Connection> => {
    for (let c = idle.pop(); c; c = idle.pop()) if (!c.closed) return Promise.resolve(c);
    if (open < connections) {
      open++;
      const connection = new Connection(host, port);
      all.add(connection);
      connection.socket.once('close', () => {
        open--;
        all.delete(connection);
        queue.shift()?.();
      });
      return Promise.resolve(connection);
    }
    return new Promise((resolve) => queue.push(() => resolve(take())));
  };
  const give = (connection: Connection) => {
    if (connection.closed) return;
    const next = queue.shift();
    idle.push(connection);
    next?.();
  };

  return {
    get: async (path, cookie) => {
      const connection = await take();
      const request = Buffer.from(
        `GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\nAccept-Encoding: gzip\r\nConnection: keep-alive\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`,
        'latin1',
      );
      try {
        return await new Promise<{ status: number; bytes: number }>((resolve, reject) =>
          connection.send(request, { resolve, reject }),
        );
      } finally {
        give(connection);
      }
    },
    close: () => {
      for (const connection of all) connection.socket.destroy();
    },
  };
}
