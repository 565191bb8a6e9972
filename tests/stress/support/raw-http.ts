import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  /** Where to connect (the Host header is separate). */
  readonly address?: string;
  readonly port: number;
  readonly method: string;
  readonly path: string;
  /** Sent exactly as given, Host included; none is added. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * One HTTP request over a fresh connection with exactly the headers given, so that Host and Origin
 * can be anything a browser, another page or an attacker might send.
 */
export function rawRequest(call: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: call.address ?? '127.0.0.1', port: call.port, method: call.method, path: call.path, headers: call.headers, agent: false, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(call.body);
  });
}
