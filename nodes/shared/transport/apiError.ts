import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FailureFacts } from './retryPolicy';

/** What a failed request told us, taken apart once so nothing else reads axios internals. */
export interface Failure extends FailureFacts {
	body?: unknown;
	message?: string;
	description?: string;
}

/** The ASP.NET ProblemDetails body the API answers with (RFC 7807), as far as it is present. */
interface ProblemDetails {
	title?: string;
	detail?: string;
	status?: number;
	traceId?: string;
	errors?: Record<string, string[] | string>;
	error?: string;
	error_description?: string;
	message?: string;
	detail_?: string;
}

export function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) {
		body = Buffer.from(body as Buffer).toString('utf8');
	}
	if (typeof body === 'string') {
		const text = body.trim();
		if (text.startsWith('{') || text.startsWith('[') || text.startsWith('"')) {
			try {
				return JSON.parse(text);
			} catch {
				return text;
			}
		}
		return text;
	}
	return body;
}

/** The API's own words: title, detail and each validation message, without secrets or stack traces. */
export function problemMessage(body: unknown): string | undefined {
	const parsed = parseBody(body);
	if (typeof parsed === 'string') return parsed.length && parsed.length < 300 ? parsed : undefined;
	if (!parsed || typeof parsed !== 'object') return undefined;
	const problem = parsed as ProblemDetails;
	const parts: string[] = [];
	const headline = problem.title ?? problem.message ?? problem.error_description ?? problem.error;
	if (headline) parts.push(String(headline).replace(/\.$/, ''));
	if (problem.detail && problem.detail !== headline) parts.push(String(problem.detail).replace(/\.$/, ''));
	if (problem.errors && typeof problem.errors === 'object') {
		for (const [field, messages] of Object.entries(problem.errors)) {
			const list = Array.isArray(messages) ? messages : [messages];
			parts.push(`${field}: ${list.join(' ')}`.replace(/\.$/, ''));
		}
	}
	return parts.length ? parts.join('; ') : undefined;
}

const HINTS: Record<number, string> = {
	400: 'The tenant rejected a value of this request. Correct the field named in the message',
	404: 'Nothing with this ID exists in the tenant (or the path is not available on this tenant version). Check the ID, for example with a Get Many first',
	409: 'The tenant reports a conflict with the current state; get the record again and retry',
	429: 'The API account hit the rate limit of the tenant. Lower "Rate Limit (Requests)" in the credential if other tools share this API account',
	500: 'The tenant failed to process the request; retry later or contact BeyondTrust support with the trace ID',
};

/** The PM Cloud console grants API accounts access per area (Configuration > Settings > API Settings). */
export function permissionHint(area: string, status: number): string {
	if (status === 401) {
		return 'The access token was refused. Test the credential; with Client Credentials n8n fetches a new token, a pasted Access Token must be replaced';
	}
	return `The API account lacks access to this operation. In the PM Cloud console (Configuration > Settings > API Settings) give the API account the "${area}" permission`;
}

export interface ErrorContext {
	node: INode;
	itemIndex?: number;
	operation: string;
	permissionArea: string;
}

export function toNodeApiError(failure: Failure, context: ErrorContext): NodeApiError {
	const { status } = failure;
	const apiWords = problemMessage(failure.body) ?? (status ? failure.message : undefined);
	let message: string;
	let description: string | undefined;
	if (status) {
		message = `${context.operation} failed: ${apiWords ?? `HTTP ${status}`}`;
		description =
			failure.description ??
			(status === 401 || status === 403 ? permissionHint(context.permissionArea, status) : (HINTS[status] ?? HINTS[500]));
	} else {
		message = `${context.operation} failed: ${failure.message ?? 'no answer from the tenant'}`;
		description = failure.description ?? 'Check the Base URL of the credential and that n8n can reach the tenant';
	}
	const sanitized: JsonObject = { message, description, httpCode: status ? String(status) : null };
	if (apiWords) sanitized.apiMessage = apiWords;
	return new NodeApiError(context.node, sanitized, {
		message,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex: context.itemIndex,
	});
}
