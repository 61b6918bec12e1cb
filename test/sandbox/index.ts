// PM Cloud sandbox: a real HTTP server on 127.0.0.1 standing in for a BeyondTrust PM Cloud tenant.
// Routes come from the operation catalogue (test/fixtures/pmcloud-operations.json); see README.md.
import { createServer } from 'http';
import type { AddressInfo } from 'net';
import { TokenStore } from './auth';
import { loadCatalogue, operationKey, queryNames, Router } from './catalogue';
import { handleControl } from './control';
import { FaultControls } from './faults';
import { bindHandlers } from './handlers';
import { RateLimiter } from './rateLimit';
import { Core, requestListener } from './server';
import { SandboxState } from './state';
import type { RecordedRequest, SandboxClient, SandboxOptions, SandboxStats } from './types';

export type { AddEventsOptions, AddOptions, When } from './state';
export type { Fault, FaultMatch, RandomFaults, RateLimit, RecordedRequest, SandboxClient, SandboxOptions, SandboxStats } from './types';
export type { SeedCounts } from './seed';
export { SandboxState } from './state';
export { FaultControls } from './faults';
export { DEFAULT_SEED } from './seed';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './query';
export { fieldName, effectivePath, operationKey, loadCatalogue, DEFAULT_CATALOGUE, API_PREFIX } from './catalogue';
export type { CatalogueOp, CatalogueField } from './catalogue';

export const DEFAULT_CLIENT: SandboxClient = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };

export interface Sandbox {
	/** `http://127.0.0.1:PORT` (API under `${url}/management-api`, token at `${url}/oauth/connect/token`). */
	url: string;
	port: number;
	/** Every API request (not token or control requests), oldest first. */
	requests: RecordedRequest[];
	tokenRequests: RecordedRequest[];
	state: SandboxState;
	faults: FaultControls;
	stats: SandboxStats;
	clients: SandboxClient[];
	/** Empties both logs (in place) and zeroes the counters in `stats`. */
	clearLog(): void;
	/** Every issued token becomes invalid (401). */
	revokeTokens(): void;
	/** A valid token without going through the token endpoint (default: the first client). */
	issueToken(clientId?: string): string;
	close(): Promise<void>;
}

function emptyStats(): SandboxStats {
	return { tokenRequests: 0, tokensIssued: 0, apiRequests: 0, rateLimited: 0, faultsInjected: 0, requestsPerClient: {}, requestsPerOperation: {}, statusCounts: {} };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const now = options.now ?? Date.now;
	const clients = options.clients?.length ? options.clients : [DEFAULT_CLIENT];
	const catalogue = loadCatalogue(options.cataloguePath);
	const router = new Router(catalogue);
	const handlers = bindHandlers(catalogue);
	const state = new SandboxState({ seed: options.seed, now, clients, taskDurationMs: options.taskDurationMs, listCacheMs: options.listCacheMs });
	const stats = emptyStats();
	const faults = new FaultControls(options.latencyMs ?? 0, new RateLimiter(options.rateLimit ?? false), stats);
	const tokens = new TokenStore(clients, options.tokenTtlSeconds ?? 3600, now);
	const requests: RecordedRequest[] = [];
	const tokenRequests: RecordedRequest[] = [];
	let seq = 0;

	const sandbox: Sandbox = {
		url: '',
		port: 0,
		requests,
		tokenRequests,
		state,
		faults,
		stats,
		clients,
		clearLog() {
			requests.length = 0;
			tokenRequests.length = 0;
			Object.assign(stats, emptyStats());
		},
		revokeTokens: () => tokens.revokeAll(),
		issueToken: (clientId?: string) => tokens.issue(clientId),
		close: () => new Promise<void>((resolve, reject) => {
			server.close((err) => (err ? reject(err) : resolve()));
			server.closeAllConnections();
		}),
	};

	const core: Core = {
		state,
		catalogue,
		router,
		handlers,
		allowedQuery: new Map(catalogue.map((op) => [operationKey(op), new Set(queryNames(op).map((n) => n.toLowerCase()))])),
		tokens,
		faults,
		stats,
		requests,
		tokenRequests,
		maxLogged: options.maxLoggedRequests ?? 100_000,
		tokenLatency: options.tokenLatency ?? false,
		nextSeq: () => ++seq,
		control: options.controlApi === false ? undefined : (method, path, rawQuery, rawBody) => handleControl(sandbox, method, path, rawQuery, rawBody),
	};

	const server = createServer(requestListener(core));
	// Longer than clients' idle keep-alive, so a reused connection is not closed under a request.
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	sandbox.port = (server.address() as AddressInfo).port;
	sandbox.url = `http://127.0.0.1:${sandbox.port}`;
	return sandbox;
}
