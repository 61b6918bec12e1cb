// The request pipeline: record → fault → latency → token endpoint | (route → auth → rate limit →
// validation → handler) → reply.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import { tokenEndpoint, TokenStore, TOKEN_PATH } from './auth';
import { API_PREFIX, CatalogueOp, effectivePath, Route, Router } from './catalogue';
import { describeFault, FaultControls } from './faults';
import type { Handler, HandlerContext, Reply } from './handlers/context';
import { errorReply, readBody, sleep, writeReply } from './http';
import { multipartBoundary, MultipartPart, parseMultipart } from './multipart';
import { ApiError } from './problem';
import { QueryParams } from './query';
import type { SandboxState } from './state';
import type { Fault, RecordedRequest, SandboxStats } from './types';
import { isJsonBody, isMultipartBody, normalizeBody, validateJsonBody, validatePathParams, validateQuery } from './validate';

export interface Core {
	state: SandboxState;
	catalogue: CatalogueOp[];
	router: Router;
	handlers: Map<string, Handler>;
	/** Lower-cased catalogue query names per operation key. */
	allowedQuery: Map<string, Set<string>>;
	tokens: TokenStore;
	faults: FaultControls;
	stats: SandboxStats;
	requests: RecordedRequest[];
	tokenRequests: RecordedRequest[];
	maxLogged: number;
	tokenLatency: boolean;
	nextSeq: () => number;
	control?: (method: string, path: string, rawQuery: string, rawBody: Buffer) => Promise<Reply>;
}

interface ParsedBody {
	body?: unknown;
	multipart?: MultipartPart[];
	jsonError?: string;
	multipartError?: boolean;
}

const isJsonType = (ct: string) => /^(application\/([\w.-]+\+)?json|text\/json)\b/i.test(ct);

function parseBody(contentType: string, raw: Buffer): ParsedBody {
	if (!raw.length) return {};
	const boundary = multipartBoundary(contentType);
	if (boundary) {
		const parts = parseMultipart(raw, boundary);
		return parts ? { multipart: parts } : { multipartError: true };
	}
	const text = raw.toString('utf8');
	if (isJsonType(contentType)) {
		try {
			return { body: JSON.parse(text) };
		} catch (err) {
			return { body: text, jsonError: (err as Error).message };
		}
	}
	return { body: text };
}

function pushLog(log: RecordedRequest[], record: RecordedRequest, max: number): void {
	log.push(record);
	if (log.length > max) log.splice(0, Math.max(1, Math.floor(max / 10)));
}

const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);

function faultReply(fault: Fault & { status: number }, path: string): Reply {
	if (fault.status === 429) {
		const seconds = 'retryAfterSeconds' in fault && fault.retryAfterSeconds !== undefined ? fault.retryAfterSeconds : 1;
		return errorReply(new ApiError(429, 'Too many requests (injected fault).', undefined, { 'Retry-After': String(seconds) }), path);
	}
	const body = 'body' in fault ? fault.body : undefined;
	if (body === undefined) return errorReply(new ApiError(fault.status, 'Injected fault.'), path);
	return typeof body === 'string'
		? { status: fault.status, raw: Buffer.from(body), contentType: 'text/plain; charset=utf-8' }
		: { status: fault.status, json: body };
}

/** `Computers/Authorise` → Authorise; a plain POST → Create; PUT/PATCH → Modify; DELETE → Delete. */
function auditType(op: CatalogueOp): string {
	if (op.method === 'DELETE') return 'Delete';
	const last = effectivePath(op).split('/').filter((s) => s && !s.startsWith('{')).pop() ?? '';
	const entity = op.tag.replace(/^Scim/, '');
	if (last && last.toLowerCase() !== entity.toLowerCase() && !/^v\d$/i.test(last)) return last;
	return op.method === 'POST' ? 'Create' : 'Modify';
}

function bearerClient(core: Core, headers: IncomingHttpHeaders): string {
	const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
	if (!m) {
		throw new ApiError(401, 'An Authorization header with a Bearer token is required.', undefined, { 'WWW-Authenticate': 'Bearer' });
	}
	const clientId = core.tokens.verify(m[1]);
	if (!clientId) {
		throw new ApiError(401, 'The access token is invalid or has expired.', undefined, {
			'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token is invalid or has expired"',
		});
	}
	return clientId;
}

function checkBody(op: CatalogueOp, contentType: string, raw: Buffer, parsed: ParsedBody): void {
	if (parsed.jsonError && op.method !== 'GET') {
		throw new ApiError(400, undefined, { $: [`The request body is not valid JSON: ${parsed.jsonError}`] });
	}
	if (isMultipartBody(op)) {
		if (!multipartBoundary(contentType)) throw new ApiError(415, 'Content-Type must be multipart/form-data with a boundary.');
		if (parsed.multipartError) throw new ApiError(400, 'The multipart/form-data body is malformed.');
	} else if (isJsonBody(op) && raw.length && !isJsonType(contentType)) {
		throw new ApiError(415, 'Content-Type must be application/json.');
	}
}

async function apiReply(core: Core, record: RecordedRequest, route: Route, params: Record<string, string>, headers: IncomingHttpHeaders, parsed: ParsedBody): Promise<Reply> {
	const op = route.op;
	const scimStyle = route.key.includes(' /scim/');
	try {
		const clientId = bearerClient(core, headers);
		record.clientId = clientId;
		bump(core.stats.requestsPerClient, clientId);
		const wait = core.faults.rateLimiter.check(clientId, core.state.now());
		if (wait !== undefined) {
			core.stats.rateLimited++;
			throw new ApiError(429, `Rate limit exceeded. Retry after ${wait} second(s).`, undefined, { 'Retry-After': String(wait) });
		}
		validatePathParams(op, params);
		const query = new QueryParams(record.query);
		validateQuery(op, query);
		const contentType = String(headers['content-type'] ?? '');
		checkBody(op, contentType, record.rawBody, parsed);
		const body = normalizeBody(op, parsed.body);
		validateJsonBody(op, body);
		const ctx: HandlerContext = {
			op,
			key: route.key,
			params,
			query,
			allowedQuery: core.allowedQuery.get(route.key)!,
			body,
			multipart: parsed.multipart,
			state: core.state,
			clientId,
			catalogue: core.catalogue,
		};
		const reply = await core.handlers.get(route.key)!(ctx);
		if (op.method !== 'GET' && reply.status < 300) {
			core.state.recordAudit({
				entity: op.tag.replace(/^Scim/, ''),
				auditType: auditType(op),
				entityName: Object.values(params)[0] ?? (typeof reply.json === 'string' ? reply.json : ''),
				details: `${op.summary} (${route.key})`,
				user: clientId,
				userId: null,
				changedBy: 'API',
			});
		}
		return reply;
	} catch (err) {
		if (err instanceof ApiError) return errorReply(err, record.path, scimStyle && err.status !== 401 && err.status !== 429);
		return errorReply(new ApiError(500, (err as Error).message), record.path);
	}
}

function routeReply(core: Core, record: RecordedRequest): { reply?: Reply; route?: Route; params?: Record<string, string> } {
	const path = record.path;
	if (!path.toLowerCase().startsWith(`${API_PREFIX}/`)) {
		return { reply: errorReply(new ApiError(404, `No route for '${path}'. API routes start with ${API_PREFIX}/.`), path) };
	}
	const match = core.router.match(record.method, path.slice(API_PREFIX.length));
	if (match.kind === 'notFound') {
		return { reply: errorReply(new ApiError(404, `No catalogue operation matches ${record.method} ${path}.`), path) };
	}
	if (match.kind === 'methodNotAllowed') {
		const err = new ApiError(405, `${record.method} is not allowed on ${path}.`, undefined, { Allow: match.allow.join(', ') });
		return { reply: errorReply(err, path) };
	}
	return { route: match.route, params: match.params };
}

async function handle(core: Core, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const rawUrl = req.url ?? '/';
	const q = rawUrl.indexOf('?');
	const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
	const rawQuery = q < 0 ? '' : rawUrl.slice(q + 1);
	const method = (req.method ?? 'GET').toUpperCase();
	const rawBody = await readBody(req);

	if (core.control && path.startsWith('/__sandbox/')) {
		writeReply(res, await core.control(method, path, rawQuery, rawBody));
		return;
	}

	const isToken = path.replace(/\/$/, '').toLowerCase() === TOKEN_PATH;
	const contentType = String(req.headers['content-type'] ?? '');
	const parsed = parseBody(contentType, rawBody);
	const record: RecordedRequest = {
		seq: core.nextSeq(),
		method,
		path,
		query: [...new URLSearchParams(rawQuery)],
		rawQuery,
		headers: { ...req.headers },
		body: parsed.body,
		rawBody,
		multipart: parsed.multipart,
		status: 0,
		time: core.state.now(),
	};
	pushLog(isToken ? core.tokenRequests : core.requests, record, core.maxLogged);
	if (isToken) core.stats.tokenRequests++;
	else core.stats.apiRequests++;

	const fault = core.faults.take(method, path, isToken);
	if (fault) {
		core.stats.faultsInjected++;
		record.fault = describeFault(fault);
		if ('drop' in fault) {
			req.socket.destroy();
			return;
		}
		if ('delayMs' in fault) await sleep(fault.delayMs);
	}
	if (!isToken || core.tokenLatency) await sleep(core.faults.latencyMs);

	let reply: Reply;
	const extraHeaders: Record<string, string> = {};
	const correlation = req.headers['x-correlation-id'];
	if (typeof correlation === 'string') extraHeaders['x-correlation-id'] = correlation;
	if (fault && 'status' in fault) reply = faultReply(fault, path);
	else if (isToken) {
		reply = tokenEndpoint(core.tokens, method, req.headers, rawBody);
		if (reply.status === 200) core.stats.tokensIssued++;
	} else {
		const routed = routeReply(core, record);
		if (routed.route) {
			record.operation = routed.route.key;
			extraHeaders['X-Sandbox-Operation'] = routed.route.key;
		}
		bump(core.stats.requestsPerOperation, record.operation ?? 'UNMATCHED');
		reply = routed.reply ?? (await apiReply(core, record, routed.route!, routed.params!, req.headers, parsed));
	}
	record.status = writeReply(res, reply, extraHeaders);
	bump(core.stats.statusCounts, String(record.status));
}

export function requestListener(core: Core) {
	return (req: IncomingMessage, res: ServerResponse): void => {
		handle(core, req, res).catch((err) => {
			const apiError = err instanceof ApiError ? err : new ApiError(500, String(err?.message ?? err));
			writeReply(res, errorReply(apiError, req.url ?? '/'));
		});
	};
}
