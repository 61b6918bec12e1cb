// Public types of the sandbox (re-exported by index.ts).
import type { MultipartPart } from './multipart';
import type { SeedCounts } from './seed';

export interface RateLimit {
	requests: number;
	windowMs: number;
}

export interface SandboxClient {
	clientId: string;
	clientSecret: string;
}

export interface SandboxOptions {
	/** Default 0 (a free port) on 127.0.0.1. */
	port?: number;
	/** Added to every API response (default 0). The token endpoint too when `tokenLatency` is true. */
	latencyMs?: number;
	tokenLatency?: boolean;
	/** Per client id, sliding window (default false). */
	rateLimit?: RateLimit | false;
	/** Default 3600. */
	tokenTtlSeconds?: number;
	/** Default [{ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' }]. */
	clients?: SandboxClient[];
	/** Record counts and the PRNG seed; defaults in seed.ts (DEFAULT_SEED). */
	seed?: Partial<SeedCounts>;
	/** Clock for timestamps, token expiry, rate-limit windows and tasks (default Date.now). */
	now?: () => number;
	/** A task reports `Running` this long after creation, then `Completed` (default 0). */
	taskDurationMs?: number;
	/**
	 * Benchmarks only: keep a list's filtered, sorted result this long (ms) for the next pages of the same
	 * query, as a real service's index would. Off (0) by default because tests edit records in place.
	 */
	listCacheMs?: number;
	/** Catalogue file to serve (default test/fixtures/pmcloud-operations.json). */
	cataloguePath?: string;
	/** Serve the `/__sandbox/*` control API on the same port (default true). */
	controlApi?: boolean;
	/** Oldest log entries are dropped beyond this many (default 100,000 each for API and token requests). */
	maxLoggedRequests?: number;
}

export interface RecordedRequest {
	/** 1, 2, 3... across API and token requests; survives clearLog(). */
	seq: number;
	method: string;
	/** Path without the query, as received. */
	path: string;
	/** Decoded pairs in order, repeated keys kept. */
	query: Array<[string, string]>;
	rawQuery: string;
	headers: Record<string, string | string[] | undefined>;
	/** Parsed JSON, a string for other bodies (form, text), or undefined when empty or multipart. */
	body: unknown;
	rawBody: Buffer;
	multipart?: MultipartPart[];
	/** `${method} ${catalogue path}` of the matched operation. */
	operation?: string;
	/** Final status; 0 when the connection was dropped by a fault. */
	status: number;
	clientId?: string;
	/** Sandbox clock at arrival. */
	time: number;
	/** The fault applied, if any. */
	fault?: string;
}

export interface SandboxStats {
	tokenRequests: number;
	tokensIssued: number;
	apiRequests: number;
	rateLimited: number;
	faultsInjected: number;
	requestsPerClient: Record<string, number>;
	/** Keyed by `${method} ${catalogue path}`; unmatched requests count under `UNMATCHED`. */
	requestsPerOperation: Record<string, number>;
	statusCounts: Record<string, number>;
}

export type Fault =
	| { status: 429; retryAfterSeconds?: number }
	| { status: 500 | 502 | 503 | 504; body?: unknown }
	| { drop: true }
	| { delayMs: number };

export interface FaultMatch {
	method?: string;
	/** Case-insensitive substring of the request path. Can also target `/oauth/connect/token`. */
	pathIncludes?: string;
}

export interface RandomFaults {
	probability: number;
	kinds: Fault[];
	seed?: number;
}
