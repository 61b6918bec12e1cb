import type { IHttpRequestHelper } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { retryAfterMs } from './retryPolicy';

export const ISSUER_ROUTE = '/oauth/connect/token';

interface ClientCredentials {
	clientId: string;
	clientSecret: string;
	scope: string;
}

/** An error from the token endpoint, worded for the user and free of the secret. */
export class TokenRequestError extends Error {
	constructor(
		message: string,
		readonly httpCode?: number,
		readonly description?: string,
	) {
		super(message);
	}
}

const MAX_TOKEN_ATTEMPTS = 3;

/**
 * OAuth 2.0 client-credentials grant against `{base}/oauth/connect/token`.
 * The form body is built with URLSearchParams so secrets containing `=`, `+` or `&` survive.
 */
export async function requestToken(
	helper: IHttpRequestHelper,
	baseUrl: string,
	{ clientId, clientSecret, scope }: ClientCredentials,
): Promise<string> {
	if (!clientId || !clientSecret) {
		throw new TokenRequestError(
			'The credential has no Client ID or Client Secret',
			undefined,
			'Open the credential and enter the Client ID and Client Secret of your PM Cloud API account',
		);
	}
	const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
	if (scope) form.set('scope', scope);

	let response: { access_token?: unknown } | undefined;
	for (let attempt = 1; !response; attempt++) {
		try {
			response = (await helper.helpers.httpRequest({
				method: 'POST',
				url: `${baseUrl}${ISSUER_ROUTE}`,
				body: form.toString(),
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				json: true,
			})) as { access_token?: unknown };
		} catch (error) {
			const status = statusOf(error);
			if ((status === 429 || status === 503) && attempt < MAX_TOKEN_ATTEMPTS) {
				await sleep(retryAfterMs(headerOf(error, 'retry-after')) ?? 1000 * attempt);
				continue;
			}
			throw describeTokenFailure(status, error, baseUrl);
		}
	}
	if (typeof response.access_token !== 'string' || !response.access_token) {
		throw new TokenRequestError(
			'The token endpoint answered without an access token',
			undefined,
			`Check that the Base URL points at the API host of your tenant (${baseUrl})`,
		);
	}
	return response.access_token;
}

function describeTokenFailure(status: number | undefined, error: unknown, baseUrl: string): TokenRequestError {
	if (status === 400 || status === 401) {
		const code = oauthErrorCode(error);
		return new TokenRequestError(
			`The tenant refused the client credentials${code ? ` (${code})` : ''}`,
			status,
			'Check the Client ID and Client Secret of the API account; a regenerated secret invalidates the old one',
		);
	}
	if (status === 404 || status === 405) {
		return new TokenRequestError(
			`No token endpoint at ${baseUrl}${ISSUER_ROUTE} (HTTP ${status})`,
			status,
			'The Base URL must be the API host of your tenant, e.g. https://acme-services.pm.beyondtrustcloud.com',
		);
	}
	if (status) {
		return new TokenRequestError(`The token endpoint answered HTTP ${status}`, status, 'Try again later');
	}
	const code = (error as { code?: string })?.code;
	return new TokenRequestError(
		`Could not reach the token endpoint at ${baseUrl}${code ? ` (${code})` : ''}`,
		undefined,
		'Check the Base URL and that n8n can reach the tenant',
	);
}

function responseOf(error: unknown): { status?: number; headers?: Record<string, unknown>; data?: unknown } | undefined {
	const e = error as { response?: object; cause?: { response?: object } };
	return (e?.response ?? e?.cause?.response) as never;
}

function statusOf(error: unknown): number | undefined {
	const status = responseOf(error)?.status;
	return typeof status === 'number' ? status : undefined;
}

function headerOf(error: unknown, name: string): string | undefined {
	const value = responseOf(error)?.headers?.[name];
	return typeof value === 'string' ? value : undefined;
}

function oauthErrorCode(error: unknown): string | undefined {
	const data = responseOf(error)?.data as { error?: unknown } | undefined;
	return typeof data?.error === 'string' ? data.error : undefined;
}
