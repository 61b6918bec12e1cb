// AuthorizationRequest (application-elevation tickets routed to an ITSM) and their audit trail.
import { isoMs, parseDate } from '../dates';
import type { AuthorizationRequest, AuthorizationRequestAudit } from '../models';
import { invalid, notFound } from '../problem';
import { auditOfAuthorizationRequest } from '../seed';
import type { SandboxState } from '../state';
import { str } from './body';
import { done, HandlerTable, ok } from './context';
import { getHandler, listHandler } from './generic';

const view = (r: AuthorizationRequest) => r;

/** By id, or by the ITSM systemId / ticketId (integrations look requests up by those). */
function findRequest(state: SandboxState, key: string): AuthorizationRequest | undefined {
	const k = key.toLowerCase();
	return (
		state.authorizationRequests.find(key) ??
		state.authorizationRequests.all().find((r) => r.systemId.toLowerCase() === k || r.ticketId.toLowerCase() === k)
	);
}

const DECISIONS: Record<string, string> = { approved: 'Approved', denied: 'Denied' };

export const authorizationRequestHandlers: HandlerTable = {
	'GET /v3/AuthorizationRequest': listHandler<AuthorizationRequest>({
		items: (s) => s.authorizationRequests.all(),
		view,
		filters: [],
		sorts: {
			id: (r) => r.id,
			created: (r) => r.created,
			modified: (r) => r.modified,
			ticketid: (r) => r.ticketId,
			systemid: (r) => r.systemId,
			status: (r) => r.accessDecision.status,
			decision: (r) => r.accessDecision.decision,
		},
		defaultSort: [{ by: 'created', order: 'asc' }],
	}),

	'GET /v3/AuthorizationRequest/{id}': (ctx) => {
		const request = findRequest(ctx.state, ctx.params.id);
		if (!request) throw notFound(`Authorization request '${ctx.params.id}' was not found.`);
		return ok(view(request));
	},

	/** The ITSM's decision (all ten fields required, checked from the catalogue); matched by systemId, ticketId or itsmRequestId. */
	'POST /v3/AuthorizationRequest/notification': (ctx) => {
		const { state, body } = ctx;
		const request =
			findRequest(state, str(body, 'systemId', true)) ??
			findRequest(state, str(body, 'ticketId', true)) ??
			findRequest(state, str(body, 'itsmRequestId', true));
		if (!request) throw notFound(`No authorization request matches systemId '${body.systemId}' or ticketId '${body.ticketId}'.`);
		const decision = DECISIONS[str(body, 'decision', true).toLowerCase()];
		if (!decision) throw invalid('decision', 'Valid values are "Approved" and "Denied".');
		const status = str(body, 'status', true);
		if (!/^\d{4}$/.test(status)) throw invalid('status', `'${status}' is not a valid status code (e.g. 2000, 2001).`);
		const decisionTime = parseDate(str(body, 'decisionTime', true));
		if (!decisionTime) throw invalid('decisionTime', `'${body.decisionTime}' is not a valid date.`);
		request.accessDecision = {
			status,
			decision,
			decisionPerformedByUser: str(body, 'decisionPerformedByUser', true),
			decisionTime: isoMs(decisionTime.ms),
			duration: str(body, 'duration', true),
			message: str(body, 'message', true),
		};
		request.serviceTicket.url = str(body, 'ticketUrl', true);
		request.modified = isoMs(state.now());
		state.authorizationRequestAudits.add(auditOfAuthorizationRequest(state.rng, request));
		return done(ctx.op);
	},

	'GET /v3/AuthorizationRequestAudits': listHandler<AuthorizationRequestAudit>({
		items: (s) => s.authorizationRequestAudits.all(),
		view: (a) => a,
		filters: [{ name: 'Filter.TimeOfRequest', kind: 'dateRange', get: (a) => a.timeOfRequest }],
		sorts: {
			id: (a) => a.id,
			timeofrequest: (a) => a.timeOfRequest,
			decisiontime: (a) => a.decisionTime,
			decision: (a) => a.decision,
			user: (a) => a.user,
			ticketid: (a) => a.ticketId,
		},
		defaultSort: [{ by: 'timeOfRequest', order: 'asc' }],
	}),

	'GET /v3/AuthorizationRequestAudits/{id}': getHandler((s) => s.authorizationRequestAudits, (a) => a),
};
