// OAuth 2.0 client-credentials token endpoint and bearer-token checks.
import { randomBytes } from 'crypto';
import type { Reply } from './handlers/context';
import type { SandboxClient } from './types';

export const TOKEN_PATH = '/oauth/connect/token';
export const SCOPE = 'urn:management:api';

export class TokenStore {
	private readonly tokens = new Map<string, { clientId: string; expiresAt: number }>();
	issued = 0;

	constructor(
		readonly clients: SandboxClient[],
		readonly ttlSeconds: number,
		private readonly now: () => number,
	) {}

	/** A fresh valid token for a client (default: the first configured client). */
	issue(clientId = this.clients[0].clientId): string {
		const token = randomBytes(32).toString('base64url');
		this.tokens.set(token, { clientId, expiresAt: this.now() + this.ttlSeconds * 1000 });
		this.issued++;
		return token;
	}

	/** The client id of a valid, unexpired token. */
	verify(token: string): string | undefined {
		const entry = this.tokens.get(token);
		if (!entry) return undefined;
		if (this.now() >= entry.expiresAt) {
			this.tokens.delete(token);
			return undefined;
		}
		return entry.clientId;
	}

	revokeAll(): void {
		this.tokens.clear();
	}
}

const oauthError = (status: number, error: string, description: string, headers?: Record<string, string>): Reply => ({
	status,
	json: { error, error_description: description },
	headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache', ...headers },
});

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
	const m = /^Basic\s+(.+)$/i.exec(header ?? '');
	if (!m) return undefined;
	const decoded = Buffer.from(m[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	const unform = (s: string) => {
		try {
			return decodeURIComponent(s.replace(/\+/g, ' '));
		} catch {
			return s;
		}
	};
	return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
}

/**
 * `POST /oauth/connect/token`: form body `grant_type=client_credentials&client_id&client_secret[&scope]`,
 * or HTTP Basic client authentication plus `grant_type`.
 */
export function tokenEndpoint(
	store: TokenStore,
	method: string,
	headers: Record<string, string | string[] | undefined>,
	rawBody: Buffer,
): Reply {
	if (method !== 'POST') return { ...oauthError(405, 'invalid_request', 'Use POST.'), headers: { Allow: 'POST' } };
	const contentType = String(headers['content-type'] ?? '');
	if (!/^application\/x-www-form-urlencoded/i.test(contentType)) {
		return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded.');
	}
	const form = new URLSearchParams(rawBody.toString('utf8'));
	const basic = basicCredentials(headers.authorization as string | undefined);
	const clientId = basic?.id ?? form.get('client_id') ?? '';
	const secret = basic?.secret ?? form.get('client_secret') ?? '';
	const client = store.clients.find((c) => c.clientId === clientId);
	if (!client || client.clientSecret !== secret) {
		return basic
			? oauthError(401, 'invalid_client', 'Client authentication failed.', { 'WWW-Authenticate': 'Basic realm="oauth"' })
			: oauthError(400, 'invalid_client', 'Client authentication failed.');
	}
	if (form.get('grant_type') !== 'client_credentials') {
		return oauthError(400, 'unsupported_grant_type', `Grant type '${form.get('grant_type') ?? ''}' is not supported.`);
	}
	const scope = form.get('scope');
	if (scope && !scope.split(/\s+/).includes(SCOPE)) return oauthError(400, 'invalid_scope', `Unknown scope '${scope}'.`);
	return {
		status: 200,
		json: { access_token: store.issue(client.clientId), token_type: 'Bearer', expires_in: store.ttlSeconds, scope: SCOPE },
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
	};
}
