/** Reading a sandbox request off the wire and writing a reply onto it. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxReply, SandboxRequest } from './simulator';

export const SANDBOX_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1_000_000;

export async function readSandboxRequest(request: IncomingMessage): Promise<SandboxRequest> {
  const url = new URL(request.url ?? '/', `http://${SANDBOX_HOST}`);
  const rawBody = await readBody(request);
  let body: unknown;
  let bodyIsJson = false;
  if (rawBody.length > 0) {
    try {
      body = JSON.parse(rawBody) as unknown;
      bodyIsJson = true;
    } catch {
      body = undefined;
    }
  }
  return { method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: request.headers, body, rawBody, bodyIsJson };
}

export function writeReply(response: ServerResponse, reply: SandboxReply): void {
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  response.writeHead(reply.status, {
    'content-type': reply.contentType ?? (reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8'),
    ...reply.headers,
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
