import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * When a failed request may be sent again, and after how long.
 *
 * 429 and 503 mean the tenant did not act on the request, so any method may be repeated.
 * 502/504 and network errors leave the outcome unknown: only idempotent methods are repeated then.
 * A connection that was refused never reached the server, so it is safe for every method.
 */
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const UNKNOWN_OUTCOME_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);

export interface RetryDecision {
	retry: boolean;
	/** Server-imposed wait (Retry-After), if any. */
	waitMs?: number;
}

export interface FailureFacts {
	status?: number;
	code?: string;
	retryAfter?: string;
}

export function decideRetry(method: IHttpRequestMethods, failure: FailureFacts): RetryDecision {
	const { status, code } = failure;
	if (status === 429 || status === 503) return { retry: true, waitMs: retryAfterMs(failure.retryAfter) };
	if (status === 502 || status === 504) return { retry: IDEMPOTENT.has(method) };
	if (status !== undefined) return { retry: false };
	if (code && NOT_SENT_CODES.has(code)) return { retry: true };
	if (code && UNKNOWN_OUTCOME_CODES.has(code)) return { retry: IDEMPOTENT.has(method) };
	return { retry: false };
}

/** Capped exponential back-off with jitter: 0.5 s, 1 s, 2 s ... up to `capMs`. */
export function backoffMs(attempt: number, baseMs = 500, capMs = 30_000): number {
	const ceiling = Math.min(capMs, baseMs * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
	if (!header) return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(header);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
