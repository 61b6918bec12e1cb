// Policies and their revisions: multipart create/upload, XML downloads, groups using a policy.
import { isoMs } from '../dates';
import type { Policy, PolicyRevision } from '../models';
import { findPart } from '../multipart';
import { badRequest, invalid, notFound } from '../problem';
import { makeRevision } from '../seed';
import type { SandboxState } from '../state';
import { str } from './body';
import { created, done, file, HandlerContext, HandlerTable, ok } from './context';
import { getHandler, listHandler, uniqueName } from './generic';
import { groupPolicy } from './relations';

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

function view(p: Policy, s: SandboxState) {
	const latest = s.latestRevision(p.id);
	const groups = s.groupsWithPolicy(p.id);
	return {
		id: p.id,
		name: p.name,
		description: p.description,
		size: latest ? kb(latest.content.length) : 0,
		revision: latest?.revision ?? 0,
		totalRevisions: s.revisionsOf(p.id).length,
		latestRevisionId: latest?.id ?? null,
		totalAssignedRevisions: groups.length,
		latestAssignedRevisions: groups.filter((g) => g.policyRevisionId === latest?.id).length,
		isAssignedToGroup: groups.length > 0,
		checkedOutBy: p.checkedOutBy,
		hasOpenDraft: p.hasOpenDraft,
		created: p.created,
		modified: p.modified,
	};
}

function revisionView(r: PolicyRevision, s: SandboxState) {
	return {
		id: r.id,
		policyId: r.policyId,
		revision: r.revision,
		created: r.created,
		user: r.user,
		comment: r.comment,
		size: kb(r.content.length),
		isLatest: s.latestRevision(r.policyId)?.id === r.id,
		assignedGroupCount: s.groups.all().filter((g) => g.policyRevisionId === r.id).length,
	};
}

const xml = (policy: Policy, revision: PolicyRevision) => file(revision.content, 'application/xml', `${policy.name}.xml`);

function policyFile(ctx: HandlerContext): Buffer {
	const part = findPart(ctx.multipart, 'PolicyFile');
	if (!part || !part.data.length) throw invalid('PolicyFile', 'The PolicyFile field is required.');
	return Buffer.from(part.data);
}

const policyName = (state: SandboxState, name: string, self?: Policy) => uniqueName(state.policies.all(), name, 'Name', 'policy', self);

function addRevision(ctx: HandlerContext, policy: Policy, content: Buffer): PolicyRevision {
	const { state } = ctx;
	const next = (state.latestRevision(policy.id)?.revision ?? 0) + 1;
	const revision = makeRevision(state.rng, policy, next, state.now(), ctx.clientId, content);
	state.revisions.add(revision);
	policy.modified = revision.created;
	policy.checkedOutBy = null;
	policy.hasOpenDraft = false;
	return revision;
}

const formText = (ctx: HandlerContext, name: string) => findPart(ctx.multipart, name)?.data.toString('utf8');

export const policyHandlers: HandlerTable = {
	'GET /v3/Policies': listHandler<Policy>({
		items: (s) => s.policies.all(),
		view,
		filters: [
			{ name: 'Filter.Name', kind: 'contains', get: (p) => p.name },
			{ name: 'Filter.Size', kind: 'int', get: (p, s) => view(p, s).size },
			{ name: 'Filter.Revision', kind: 'int', get: (p, s) => s.latestRevision(p.id)?.revision ?? 0 },
			{ name: 'Filter.TotalAssignedRevisions', kind: 'int', get: (p, s) => s.groupsWithPolicy(p.id).length },
			{ name: 'Filter.Created', kind: 'dateRange', get: (p) => p.created },
			{ name: 'Filter.CheckedOutBy', kind: 'contains', get: (p) => p.checkedOutBy },
		],
		sorts: {
			id: (p) => p.id,
			name: (p) => p.name,
			description: (p) => p.description,
			created: (p) => p.created,
			modified: (p) => p.modified,
			checkedoutby: (p) => p.checkedOutBy,
			size: (p, s) => view(p, s).size,
			revision: (p, s) => s.latestRevision(p.id)?.revision ?? 0,
			totalassignedrevisions: (p, s) => s.groupsWithPolicy(p.id).length,
		},
		defaultSort: [{ by: 'created', order: 'asc' }],
	}),
	'GET /v3/Policies/{id}': getHandler((s) => s.policies, view),

	/** Multipart `Name`, `Description`, `PolicyFile`; the file becomes revision 1. */
	'POST /v3/Policies': (ctx) => {
		const { state } = ctx;
		const name = policyName(state, formText(ctx, 'Name') ?? '');
		const content = policyFile(ctx);
		const now = isoMs(state.now());
		const policy: Policy = { id: state.rng.uuid(), name, description: formText(ctx, 'Description') ?? '', created: now, modified: now, checkedOutBy: null, hasOpenDraft: false };
		state.policies.add(policy);
		addRevision(ctx, policy, content);
		return created(ctx.op, policy.id);
	},

	/** JSON `{ name?, description? }`. */
	'PUT /v3/Policies/{id}': (ctx) => {
		const policy = ctx.state.policies.require(ctx.params.id);
		const name = str(ctx.body, 'name');
		if (name !== undefined) policy.name = policyName(ctx.state, name, policy);
		const description = str(ctx.body, 'description');
		if (description !== undefined) policy.description = description;
		policy.modified = isoMs(ctx.state.now());
		return done(ctx.op);
	},

	/** Refused while groups use the policy. */
	'DELETE /v3/Policies/{id}': (ctx) => {
		const { state } = ctx;
		const policy = state.policies.require(ctx.params.id);
		const groups = state.groupsWithPolicy(policy.id);
		if (groups.length) throw badRequest(`The policy is assigned to ${groups.length} group(s); clear it from them first.`);
		state.revisions.removeWhere((r) => r.policyId === policy.id);
		state.policies.remove(policy.id);
		return done(ctx.op);
	},

	/** Discards the open draft (unlocks the policy). */
	'PATCH /v3/Policies/{id}/Revert': (ctx) => {
		const policy = ctx.state.policies.require(ctx.params.id);
		policy.checkedOutBy = null;
		policy.hasOpenDraft = false;
		return done(ctx.op);
	},

	'GET /v3/Policies/{id}/Content': (ctx) => {
		const policy = ctx.state.policies.require(ctx.params.id);
		const latest = ctx.state.latestRevision(policy.id);
		if (!latest) throw notFound(`Policy '${policy.id}' has no revision.`);
		return xml(policy, latest);
	},

	/** Newest first. */
	'GET /v3/Policies/{id}/Revisions': (ctx) => {
		const policy = ctx.state.policies.require(ctx.params.id);
		const revisions = ctx.state.revisionsOf(policy.id).sort((a, b) => b.revision - a.revision);
		return ok(revisions.map((r) => revisionView(r, ctx.state)));
	},

	'GET /v3/Policies/{id}/AssignedGroups': (ctx) => {
		const policy = ctx.state.policies.require(ctx.params.id);
		return ok(ctx.state.groupsWithPolicy(policy.id).map((g) => ({ id: g.id, name: g.name, ...groupPolicy(g, ctx.state) })));
	},

	'GET /v3/Policies/Revisions/{revisionId}/Content': (ctx) => {
		const revision = ctx.state.revisions.require(ctx.params.revisionId);
		return xml(ctx.state.policies.require(revision.policyId), revision);
	},

	/** Multipart `PolicyFile` (+ `AutoAssignToGroup` true|false): a new revision; replies with its id. */
	'POST /v3/Policies/{id}/Upload': (ctx) => {
		const { state } = ctx;
		const policy = state.policies.require(ctx.params.id);
		const autoAssign = (formText(ctx, 'AutoAssignToGroup') ?? 'false').trim().toLowerCase();
		if (autoAssign !== 'true' && autoAssign !== 'false') throw invalid('AutoAssignToGroup', `The value '${autoAssign}' is not valid.`);
		const revision = addRevision(ctx, policy, policyFile(ctx));
		if (autoAssign === 'true') for (const g of state.groupsWithPolicy(policy.id)) g.policyRevisionId = revision.id;
		return created(ctx.op, revision.id);
	},
};
