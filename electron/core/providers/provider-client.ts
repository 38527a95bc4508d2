/**
 * One request to a provider, from rate limit to parsed body: acquire the client-side limiter, send over the
 * transport, turn silence into a classified error, and parse bodies with zod, logging (with credentials
 * redacted) any body the adapter cannot read. Adapters supply only their own status classification.
 */
import type { z } from 'zod';
import type { ProviderId } from '../../../shared/contract/app';
import { redact, registerSecrets } from '../kernel/redact';
import { HttpTransport, parseJsonBody, type HttpRequest } from './http';
import { clientRateLimited, noAnswerFailure, unexpectedAnswer, type RequestKind } from './provider-error';
import type { RateLimiter } from './rate-limiter';
import type { ProviderError, ProviderResult } from './types';

export interface ProviderLogger {
  warn(message: string, details: Record<string, unknown>): void;
}

export const consoleLogger: ProviderLogger = {
  warn: (message, details) => console.warn(`[providers] ${message}`, JSON.stringify(details)),
};

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/** An adapter's one place of error classification: the error an answer means, or undefined for a success. */
export type Classifier = (answer: Answer, context: RequestKind) => ProviderError | undefined;

export interface ProviderClientOptions {
  provider: ProviderId;
  baseUrl: string;
  timeoutMs?: number;
  /** Every credential value, so logs can redact them wherever they appear. */
  secrets: string[];
  logger?: ProviderLogger;
  /** Longest wait for a client-side rate-limit slot before failing fast with `rate_limited`. */
  rateLimitMaxWaitMs?: number;
}

const RAW_BODY_LOG_LIMIT = 2000;

export class ProviderClient {
  readonly transport: HttpTransport;
  private readonly logger: ProviderLogger;
  private readonly maxWaitMs: number;

  constructor(private readonly options: ProviderClientOptions) {
    registerSecrets(options.secrets);
    this.transport = new HttpTransport({ baseUrl: options.baseUrl, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    this.logger = options.logger ?? consoleLogger;
    this.maxWaitMs = options.rateLimitMaxWaitMs ?? 2_000;
  }

  /** Sends the request once. An `ok` result means the provider answered, with any status. */
  async send(request: HttpRequest, context: RequestKind, limiter: RateLimiter): Promise<ProviderResult<Answer>> {
    const wait = limiter.msUntilFree();
    if (wait > this.maxWaitMs) return { ok: false, error: clientRateLimited(Date.now() + wait) };
    await limiter.acquire();
    const outcome = await this.transport.send(request);
    if (outcome.kind === 'no_answer') {
      return { ok: false, error: noAnswerFailure(outcome.reason, outcome.detail, outcome.notSent, context) };
    }
    const parsed = parseJsonBody(outcome.text);
    return {
      ok: true,
      value: { status: outcome.status, headers: outcome.headers, text: outcome.text, json: parsed.ok ? parsed.value : undefined },
    };
  }

  /**
   * Sends, lets the adapter's classifier turn a failure answer into its error, and parses the rest with the
   * schema. The classifier returns undefined for an answer that should hold the success shape.
   */
  async exchange<S extends z.ZodType>(
    request: HttpRequest,
    options: { context: RequestKind; limiter: RateLimiter; classify: Classifier; schema: S; what: string },
  ): Promise<ProviderResult<z.infer<S>>> {
    const sent = await this.send(request, options.context, options.limiter);
    if (!sent.ok) return sent;
    const failure = options.classify(sent.value, options.context);
    if (failure) return { ok: false, error: failure };
    return this.parse(sent.value, options.schema, options.context, options.what);
  }

  /** Parses a body with its schema; an unreadable one is logged (redacted) and classified, never thrown. */
  parse<S extends z.ZodType>(answer: Answer, schema: S, context: RequestKind, what: string): ProviderResult<z.infer<S>> {
    if (answer.json !== undefined) {
      const result = schema.safeParse(answer.json);
      if (result.success) return { ok: true, value: result.data };
      return { ok: false, error: this.unexpected(answer, context, `${what}: ${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`) };
    }
    return { ok: false, error: this.unexpected(answer, context, `${what}: body is not JSON`) };
  }

  unexpected(answer: Answer, context: RequestKind, reason: string): ProviderError {
    this.logger.warn(`${this.options.provider}: unexpected response (${reason})`, {
      provider: this.options.provider,
      status: answer.status,
      body: redact(answer.text, this.options.secrets).slice(0, RAW_BODY_LOG_LIMIT),
    });
    return unexpectedAnswer(`${this.options.provider} sent a response Saldo does not understand (${reason})`, context, answer.status);
  }
}
