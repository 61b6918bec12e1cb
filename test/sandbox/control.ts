// The `/__sandbox/*` control API, for processes that cannot hold the Sandbox object (demo, e2e, bench).
import type { Reply } from './handlers/context';
import type { SandboxState } from './state';
import type { FaultControls } from './faults';
import type { Fault, FaultMatch, RecordedRequest, SandboxStats } from './types';

export interface ControlTarget {
	state: SandboxState;
	faults: FaultControls;
	stats: SandboxStats;
	requests: RecordedRequest[];
	tokenRequests: RecordedRequest[];
	clearLog(): void;
	revokeTokens(): void;
	issueToken(clientId?: string): string;
}

/** A recorded request as JSON (bodies base64). */
export function serializeRequest(r: RecordedRequest) {
	return {
		...r,
		rawBody: r.rawBody.toString('base64'),
		multipart: r.multipart?.map((p) => ({ ...p, data: p.data.toString('base64') })),
	};
}

const json = (body: unknown, status = 200): Reply => ({ status, json: body });

function parseJson(raw: Buffer): Record<string, any> {
	if (!raw.length) return {};
	const value = JSON.parse(raw.toString('utf8'));
	if (!value || typeof value !== 'object') throw new Error('Body must be a JSON object.');
	return value;
}

function counts(state: SandboxState) {
	return {
		computers: state.computers.size,
		events: state.events.size,
		groups: state.groups.size,
		policies: state.policies.size,
		users: state.users.size,
		activityAudits: state.activityAudits.size,
		authorizationRequests: state.authorizationRequests.size,
		adminAccessRequests: state.adminAccessRequests.size,
		tasks: state.tasks.size,
	};
}

/** `POST /__sandbox/faults`: any of `fault`(+`match`), `enqueue` (one or a list of {fault, match}), `latencyMs`, `rateLimit`, `random` (or false), `clear`. */
function applyFaults(t: ControlTarget, body: Record<string, any>): void {
	if (body.clear) t.faults.clear();
	if (body.fault) t.faults.enqueue(body.fault as Fault, body.match as FaultMatch | undefined);
	const queued = Array.isArray(body.enqueue) ? body.enqueue : body.enqueue ? [body.enqueue] : [];
	for (const item of queued) t.faults.enqueue(item.fault, item.match);
	if (typeof body.latencyMs === 'number') t.faults.latencyMs = body.latencyMs;
	if (body.rateLimit !== undefined) t.faults.setRateLimit(body.rateLimit);
	if (body.random === false) t.faults.stop();
	else if (body.random) t.faults.failRandomly(body.random);
}

const ADDERS: Record<string, (t: ControlTarget, n: number, opts: any) => unknown[]> = {
	events: (t, n, o) => t.state.addEvents(n, o),
	'activity-audits': (t, n, o) => t.state.addActivityAudits(n, o),
	'authorization-requests': (t, n, o) => t.state.addAuthorizationRequests(n, o),
	'admin-access-requests': (t, n, o) => t.state.addAdminAccessRequests(n, o),
	computers: (t, n, o) => t.state.addComputers(n, o),
};

export async function handleControl(t: ControlTarget, method: string, path: string, rawQuery: string, rawBody: Buffer): Promise<Reply> {
	const route = path.slice('/__sandbox/'.length).replace(/\/$/, '');
	const query = new URLSearchParams(rawQuery);
	try {
		if (method === 'GET' && route === 'stats') {
			return json({ ...t.stats, pendingFaults: t.faults.pending, latencyMs: t.faults.latencyMs, rateLimit: t.faults.rateLimit, counts: counts(t.state) });
		}
		if (method === 'GET' && route === 'requests') {
			const since = Number(query.get('since') ?? 0);
			const log = query.get('kind') === 'token' ? t.tokenRequests : t.requests;
			const found = log.filter((r) => r.seq > since);
			return json({ next: found.length ? found[found.length - 1].seq : since, requests: found.map(serializeRequest) });
		}
		if (method === 'POST' && route === 'reset-log') {
			t.clearLog();
			return json({ ok: true });
		}
		if (method === 'POST' && route === 'revoke-tokens') {
			t.revokeTokens();
			return json({ ok: true });
		}
		if ((method === 'GET' || method === 'POST') && route === 'token') {
			return json({ access_token: t.issueToken(query.get('clientId') ?? undefined), token_type: 'Bearer' });
		}
		if (method === 'POST' && route === 'faults') {
			applyFaults(t, parseJson(rawBody));
			return json({ pendingFaults: t.faults.pending, latencyMs: t.faults.latencyMs, rateLimit: t.faults.rateLimit });
		}
		if (method === 'POST' && ADDERS[route]) {
			const { count = 1, ...opts } = parseJson(rawBody);
			const added = ADDERS[route](t, Number(count), opts);
			return json({ added: added.length, items: added }, 201);
		}
		return json({ error: `Unknown control route ${method} ${path}` }, 404);
	} catch (err) {
		return json({ error: (err as Error).message }, 400);
	}
}
