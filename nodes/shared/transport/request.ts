import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { type Failure, parseBody, toNodeApiError } from './apiError';
import { BaseUrlError, normalizeBaseUrl } from './baseUrl';
import { type MultipartPart, buildMultipart } from './multipart';
import { type QueryPairs, encodeQuery } from './query';
import { type SlidingWindowLimiter, limiterFor } from './rateLimiter';
import { backoffMs, decideRetry } from './retryPolicy';
import { TokenRequestError } from './token';

export const CREDENTIAL_TYPE = 'beyondTrustPmCloudApi';
export const API_PREFIX = '/management-api';

export type PmCloudContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below `/management-api`, path parameters already filled, e.g. `/v3/Computers/…`. */
	path: string;
	query?: QueryPairs;
	/** JSON body. */
	body?: unknown;
	/** multipart/form-data body, built by hand. */
	multipart?: MultipartPart[];
	/** Ask for the raw bytes (file downloads). */
	binary?: boolean;
	/** Content type of a JSON body (SCIM wants application/scim+json). */
	contentType?: string;
	itemIndex?: number;
	/** Stop retrying after this instant (epoch ms); triggers pass their poll budget. */
	deadline?: number;
	/** For messages: e.g. "Computers: Get Many". */
	label?: string;
	/** API permission area the account needs, for 401/403 messages. */
	permissionArea?: string;
}

export interface ApiResponse<T = unknown> {
	status: number;
	headers: Record<string, string>;
	body: T;
}

interface Connection {
	baseUrl: string;
	limiter: SlidingWindowLimiter;
	/** Until a token is stored, the first request goes alone so concurrent ones don't each fetch a token. */
	warmup?: Promise<unknown>;
	hasToken: boolean;
}

export const MAX_ATTEMPTS = 6;

const connections = new WeakMap<object, Promise<Connection>>();

/** Base URL and shared limiter of the node's credential, read once per node execution. */
async function connectionOf(ctx: PmCloudContext): Promise<Connection> {
	let connection = connections.get(ctx);
	if (!connection) {
		connection = (async () => {
			const credentials = await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
			let baseUrl: string;
			try {
				baseUrl = normalizeBaseUrl(credentials.baseUrl);
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), (error as BaseUrlError).message, {
					description: 'Open the BeyondTrust PM Cloud API credential and correct the Base URL',
				});
			}
			const client =
				credentials.authentication === 'accessToken' ? 'pasted-token' : String(credentials.clientId ?? '');
			const limit = Number(credentials.rateLimitRequests) || 1000;
			const windowMs = (Number(credentials.rateLimitWindowSeconds) || 100) * 1000;
			return {
				baseUrl,
				limiter: limiterFor(`${baseUrl}|${client}`, limit, windowMs),
				hasToken: Boolean(credentials.accessToken),
			};
		})();
		connections.set(ctx, connection);
		connection.catch(() => connections.delete(ctx));
	}
	return await connection;
}

function failureOf(error: unknown): Failure {
	const e = error as {
		cause?: unknown;
		response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
		code?: string;
		message?: string;
		description?: string;
	};
	const cause = e?.cause as typeof e | undefined;
	if (cause instanceof TokenRequestError || error instanceof TokenRequestError) {
		const tokenError = (cause instanceof TokenRequestError ? cause : error) as TokenRequestError;
		return { status: tokenError.httpCode, message: tokenError.message, description: tokenError.description };
	}
	if (cause instanceof BaseUrlError) return { message: cause.message };
	const response = e?.response ?? cause?.response;
	const retryAfter = response?.headers?.['retry-after'];
	return {
		status: typeof response?.status === 'number' ? response.status : undefined,
		code: cause?.code ?? e?.code,
		retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
		body: response?.data,
		message: response ? undefined : (cause?.message ?? e?.message),
	};
}

function headersOf(raw: unknown): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
		if (value !== undefined) headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
	}
	return headers;
}

export function buildUrl(baseUrl: string, path: string, query?: QueryPairs): string {
	const qs = query ? encodeQuery(query) : '';
	return `${baseUrl}${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * The one way every node and the trigger talk to PM Cloud: credential token (n8n refreshes it on 401),
 * shared rate limit, retries of 429/503 (honouring Retry-After) and of 502/504/network errors where the
 * method is idempotent, and errors turned into NodeApiError with the API's own words.
 */
export async function apiRequest<T = unknown>(ctx: PmCloudContext, request: ApiRequest): Promise<ApiResponse<T>> {
	const connection = await connectionOf(ctx);
	if (!connection.hasToken) {
		if (connection.warmup) {
			await connection.warmup.catch(() => undefined);
		} else {
			connection.warmup = send<T>(ctx, connection, request);
			try {
				return (await connection.warmup) as ApiResponse<T>;
			} finally {
				connection.hasToken = true;
			}
		}
	}
	return await send<T>(ctx, connection, request);
}

async function send<T>(ctx: PmCloudContext, { baseUrl, limiter }: Connection, request: ApiRequest): Promise<ApiResponse<T>> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: buildUrl(baseUrl, request.path, request.query),
		headers: { Accept: request.binary ? '*/*' : request.path.startsWith('/scim/') ? 'application/scim+json, application/json' : 'application/json' },
		returnFullResponse: true,
	};
	if (request.binary) options.encoding = 'arraybuffer';
	if (request.multipart) {
		const multipart = buildMultipart(request.multipart);
		options.body = multipart.body;
		options.headers!['Content-Type'] = multipart.contentType;
	} else if (request.body !== undefined) {
		options.body = request.body as IHttpRequestOptions['body'];
		options.headers!['Content-Type'] = request.contentType ?? 'application/json';
		options.json = true;
	}

	for (let attempt = 1; ; attempt++) {
		await limiter.acquire();
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, options)) as {
				body: unknown;
				headers: unknown;
				statusCode: number;
			};
			const body = request.binary ? Buffer.from(response.body as Buffer) : parseBody(response.body);
			return { status: response.statusCode, headers: headersOf(response.headers), body: body as T };
		} catch (error) {
			const failure = failureOf(error);
			const decision = decideRetry(request.method, failure);
			const waitMs = decision.waitMs ?? backoffMs(attempt);
			if (failure.status === 429) limiter.pause(Date.now() + waitMs);
			const outOfTime = request.deadline !== undefined && Date.now() + waitMs > request.deadline;
			if (!decision.retry || attempt >= MAX_ATTEMPTS || outOfTime) {
				throw toNodeApiError(failure, {
					node: ctx.getNode(),
					itemIndex: request.itemIndex,
					operation: request.label ?? `${request.method} ${request.path}`,
					permissionArea: request.permissionArea ?? 'Management',
				});
			}
			await sleep(waitMs);
		}
	}
}
