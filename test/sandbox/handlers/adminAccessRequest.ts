// AdminAccessRequest: JIT admin-session requests and their decisions.
import { isoMs, parseDate } from '../dates';
import type { AdminAccessRequest, Decision } from '../models';
import { badRequest, invalid } from '../problem';
import type { SandboxState } from '../state';
import { str, uuid } from './body';
import { created, done, HandlerTable, ok } from './context';
import { listHandler } from './generic';

/** Pending, or approved and still inside its duration. */
function isActive(r: AdminAccessRequest, nowMs: number): boolean {
	if (r.decision === 'Pending') return true;
	if (r.decision !== 'Approved' || !r.decisionTime) return false;
	return Date.parse(r.decisionTime) + Number(r.duration || 0) * 1000 > nowMs;
}

const view = (r: AdminAccessRequest, s: SandboxState) => ({ ...r, active: isActive(r, s.now()) });

function decisionOf(value: string | undefined): Exclude<Decision, 'Pending'> | undefined {
	if (value === undefined) return undefined;
	const d = ['Approved', 'Denied'].find((x) => x.toLowerCase() === value.toLowerCase());
	if (!d) throw invalid('decision', 'Valid values are "Approved" and "Denied".');
	return d as Exclude<Decision, 'Pending'>;
}

function durationOf(body: unknown): string | undefined {
	const duration = str(body, 'duration');
	if (duration !== undefined && !/^\d+$/.test(duration)) throw invalid('duration', 'Duration must be a number of seconds.');
	return duration;
}

export const adminAccessRequestHandlers: HandlerTable = {
	'GET /v3/AdminAccessRequest': listHandler<AdminAccessRequest>({
		items: (s) => s.adminAccessRequests.all(),
		view,
		filters: [
			{ name: 'Filter.Decision', kind: 'equals', get: (r) => r.decision },
			{ name: 'Filter.Created', kind: 'onOrAfter', get: (r) => r.created },
			{ name: 'Filter.ActiveOnly', kind: 'flag', get: (r, s) => isActive(r, s.now()) },
			{ name: 'Filter.Modified', kind: 'onOrAfter', get: (r) => r.modified },
			{ name: 'Filter.ComputerId', kind: 'equals', get: (r) => r.computerId },
			{ name: 'Filter.ComputerUserId', kind: 'equals', get: (r) => r.userId },
			{ name: 'Filter.ComputerUserName', kind: 'contains', get: (r) => r.userName },
		],
		sorts: {
			id: (r) => r.id,
			created: (r) => r.created,
			modified: (r) => r.modified,
			decision: (r) => r.decision,
			username: (r) => r.userName,
			computername: (r) => r.computerName,
		},
		defaultSort: [{ by: 'created', order: 'asc' }],
	}),

	/** The record, as a one-element array (the spec declares an array). */
	'GET /v3/AdminAccessRequest/{requestId}': (ctx) => ok([view(ctx.state.adminAccessRequests.require(ctx.params.requestId), ctx.state)]),

	/** Pre-decided when decision + decisionTime + decisionPerformedByUser are all given, else Pending. */
	'POST /v3/AdminAccessRequest': (ctx) => {
		const { state, body } = ctx;
		const computer = state.computers.find(uuid(body, 'computerId', true));
		if (!computer) throw invalid('computerId', `Computer '${body.computerId}' was not found.`);
		const decision = decisionOf(str(body, 'decision'));
		const decisionTime = str(body, 'decisionTime');
		const performedBy = str(body, 'decisionPerformedByUser');
		if (decisionTime !== undefined && !parseDate(decisionTime)) throw invalid('decisionTime', `'${decisionTime}' is not a valid date.`);
		const decided = !!(decision && decisionTime && performedBy);
		const now = isoMs(state.now());
		const id = state.rng.uuid();
		const request: AdminAccessRequest = {
			id,
			requestId: id,
			computerId: computer.id,
			computerName: computer.host,
			userId: str(body, 'userId') ?? '',
			userName: str(body, 'userName') ?? str(body, 'userId') ?? '',
			reason: str(body, 'reason') ?? '',
			duration: durationOf(body) ?? '3600',
			decision: decided ? decision! : 'Pending',
			decisionTime: decided ? isoMs(parseDate(decisionTime!)!.ms) : null,
			decisionPerformedByUser: decided ? performedBy! : null,
			message: str(body, 'message') ?? null,
			systemId: str(body, 'systemId') ?? null,
			ticketId: str(body, 'ticketId') ?? null,
			ticketUrl: str(body, 'ticketUrl') ?? null,
			created: now,
			modified: now,
		};
		state.adminAccessRequests.add(request);
		return created(ctx.op, request.id);
	},

	/** Approve or deny a pending request. */
	'POST /v3/AdminAccessRequest/decision': (ctx) => {
		const { state, body } = ctx;
		const request = state.adminAccessRequests.require(uuid(body, 'requestId', true));
		const decision = decisionOf(str(body, 'decision', true))!;
		if (request.decision !== 'Pending') throw badRequest(`The request has already been ${request.decision.toLowerCase()}.`);
		const now = isoMs(state.now());
		Object.assign(request, {
			decision,
			decisionTime: now,
			modified: now,
			decisionPerformedByUser: str(body, 'decisionPerformedByUser') ?? ctx.clientId,
			duration: durationOf(body) ?? request.duration,
			message: str(body, 'message') ?? request.message,
			systemId: str(body, 'systemId') ?? request.systemId,
			ticketId: str(body, 'ticketId') ?? request.ticketId,
			ticketUrl: str(body, 'ticketUrl') ?? request.ticketUrl,
		});
		return done(ctx.op);
	},
};
