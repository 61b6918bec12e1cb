// Groups (computer groups): CRUD, default group, policy assignment, computer (un)assignment, CSV import.
import { isoMs } from '../dates';
import type { Computer, Group } from '../models';
import { findPart } from '../multipart';
import { badRequest, invalid } from '../problem';
import type { SandboxState } from '../state';
import { isUuid } from '../validate';
import { bool, str, uuid, uuids } from './body';
import { created, done, HandlerContext, HandlerTable, ok } from './context';
import { selectComputers } from './computers';
import { getHandler, listHandler, uniqueName } from './generic';
import { groupPolicy, unassign } from './relations';

const countIn = (g: Group, s: SandboxState) => s.computerCounts().get(g.id) ?? 0;

function view(g: Group, s: SandboxState) {
	return { id: g.id, name: g.name, description: g.description, isDefault: g.isDefault, created: g.created, computerCount: countIn(g, s), ...groupPolicy(g, s) };
}

const groupName = (state: SandboxState, name: string, self?: Group) => uniqueName(state.groups.all(), name, 'name', 'group', self);

function markDefault(state: SandboxState, group: Group): void {
	for (const g of state.groups.all()) g.isDefault = g === group;
}

/** Points the groups at a revision (and so its policy). */
function assignRevision(state: SandboxState, groups: Group[], revisionId: string): void {
	const revision = state.revisions.find(revisionId);
	if (!revision) throw invalid('policyRevisionId', `Policy revision '${revisionId}' was not found.`);
	for (const g of groups) {
		g.policyId = revision.policyId;
		g.policyRevisionId = revision.id;
	}
}

function clearPolicy(groups: Group[]): void {
	for (const g of groups) {
		g.policyId = null;
		g.policyRevisionId = null;
	}
}

function groupsFromBody(ctx: HandlerContext): Group[] {
	const ids = uuids(ctx.body, 'groupIds');
	if (!ids?.length) throw invalid('groupIds', 'The groupIds field is required.');
	return ids.map((id) => ctx.state.groups.require(id));
}

function assign(computers: Computer[], group: Group): void {
	for (const c of computers) c.groupId = group.id;
}

/** Rows of host names or computer ids; a header row naming the column is skipped. */
function csvComputers(state: SandboxState, text: string): { matched: Computer[]; notFound: string[]; rows: number } {
	const byHost = new Map(state.computers.all().map((c) => [c.host.toLowerCase(), c]));
	const matched = new Set<Computer>();
	const notFound: string[] = [];
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
	if (lines.length && /^(host(name)?|name|computer(name|id)?|id)\b/i.test(lines[0])) lines.shift();
	for (const line of lines) {
		const cell = line.split(/[,;]/)[0].trim().replace(/^"|"$/g, '');
		const computer = isUuid(cell) ? state.computers.find(cell) : byHost.get(cell.toLowerCase());
		if (computer) matched.add(computer);
		else notFound.push(cell);
	}
	return { matched: [...matched], notFound, rows: lines.length };
}

export const groupHandlers: HandlerTable = {
	'GET /v3/Groups': listHandler<Group>({
		items: (s) => s.groups.all(),
		view,
		filters: [
			{ name: 'Filter.Id', kind: 'equals', get: (g) => g.id },
			{ name: 'Filter.Name', kind: 'contains', get: (g) => g.name },
			{ name: 'Filter.Description', kind: 'contains', get: (g) => g.description },
			{ name: 'Filter.PolicyName', kind: 'contains', get: (g, s) => groupPolicy(g, s).policyName },
			{ name: 'Filter.PolicyRevisionStatus', kind: 'equals', get: (g, s) => groupPolicy(g, s).policyRevisionStatus },
			{ name: 'Filter.ComputerCount', kind: 'intCompare', get: countIn },
			{ name: 'Filter.Created', kind: 'dateRange', get: (g) => g.created },
		],
		sorts: {
			id: (g) => g.id,
			name: (g) => g.name,
			description: (g) => g.description,
			created: (g) => g.created,
			isdefault: (g) => g.isDefault,
			computercount: countIn,
			policyname: (g, s) => groupPolicy(g, s).policyName,
		},
		defaultSort: [{ by: 'created', order: 'asc' }],
	}),
	'GET /v3/Groups/{id}': getHandler((s) => s.groups, view),

	'POST /v3/Groups': (ctx) => {
		const { state, body } = ctx;
		const group: Group = {
			id: state.rng.uuid(),
			name: groupName(state, str(body, 'name', true)),
			description: str(body, 'description') ?? '',
			isDefault: false,
			created: isoMs(state.now()),
			policyId: null,
			policyRevisionId: null,
		};
		state.groups.add(group);
		if (bool(body, 'isDefault')) markDefault(state, group);
		return created(ctx.op, group.id);
	},

	/** The id is in the body. */
	'PUT /v3/Groups': (ctx) => {
		const { state, body } = ctx;
		const group = state.groups.require(uuid(body, 'id', true));
		const name = str(body, 'name');
		if (name !== undefined) group.name = groupName(state, name, group);
		const description = str(body, 'description');
		if (description !== undefined) group.description = description;
		return done(ctx.op);
	},

	/** The default group cannot be deleted; its computers become unassigned. */
	'DELETE /v3/Groups/{id}': (ctx) => {
		const { state } = ctx;
		const group = state.groups.require(ctx.params.id);
		if (group.isDefault) throw badRequest('The default group cannot be deleted. Mark another group as default first.');
		unassign(state.computers.all().filter((c) => c.groupId === group.id));
		state.groups.remove(group.id);
		return done(ctx.op);
	},

	'PATCH /v3/Groups/{id}/MarkAsDefault': (ctx) => {
		markDefault(ctx.state, ctx.state.groups.require(ctx.params.id));
		return done(ctx.op);
	},

	/** Moves every group using the policy to its latest revision; replies with that revision's id. */
	'POST /v3/Groups/AutoAssignPolicyRevision': (ctx) => {
		const { state, body } = ctx;
		const revisionId = uuid(body, 'policyRevisionId');
		const policyId = revisionId ? state.revisions.find(revisionId)?.policyId : uuid(body, 'policyId');
		if (!revisionId && !policyId) throw invalid('policyId', 'Either PolicyRevisionId or PolicyId is required.');
		if (!policyId) throw invalid('policyRevisionId', `Policy revision '${revisionId}' was not found.`);
		state.policies.require(policyId);
		const latest = state.latestRevision(policyId)!;
		assignRevision(state, state.groupsWithPolicy(policyId), latest.id);
		return ok(latest.id, 200);
	},

	'POST /v3/Groups/{id}/AssignPolicyRevision': (ctx) => {
		assignRevision(ctx.state, [ctx.state.groups.require(ctx.params.id)], uuid(ctx.body, 'policyRevisionId', true));
		return done(ctx.op);
	},

	/** Body `{ policyRevisionId, groupIds }`. */
	'POST /v3/Groups/AssignPolicyRevision': (ctx) => {
		const revisionId = uuid(ctx.body, 'policyRevisionId', true);
		assignRevision(ctx.state, groupsFromBody(ctx), revisionId);
		return done(ctx.op);
	},

	'PATCH /v3/Groups/{id}/ClearPolicy': (ctx) => {
		clearPolicy([ctx.state.groups.require(ctx.params.id)]);
		return done(ctx.op);
	},

	/** Body `{ groupIds }`. */
	'POST /v3/Groups/ClearPolicy': (ctx) => {
		clearPolicy(groupsFromBody(ctx));
		return done(ctx.op);
	},

	/** Selection via `selectionComputerIds`; with `groupId`, only computers of that group. */
	'POST /v3/Groups/UnassignComputers': (ctx) => {
		const groupId = uuid(ctx.body, 'groupId');
		if (groupId) ctx.state.groups.require(groupId);
		const chosen = selectComputers(ctx, 'selectionComputerIds').filter((c) => !groupId || c.groupId?.toLowerCase() === groupId.toLowerCase());
		unassign(chosen);
		return done(ctx.op);
	},

	'POST /v3/Groups/{id}/AssignComputers': (ctx) => {
		const group = ctx.state.groups.require(ctx.params.id);
		assign(selectComputers(ctx), group);
		return done(ctx.op);
	},

	/** Multipart part `csvFile`: one host name or computer id per row. Replies with what matched. */
	'POST /v3/Groups/{id}/AssignComputersByCsv': (ctx) => {
		const group = ctx.state.groups.require(ctx.params.id);
		const part = findPart(ctx.multipart, 'csvFile');
		if (!part || !part.data.length) throw invalid('csvFile', 'The csvFile field is required.');
		const { matched, notFound, rows } = csvComputers(ctx.state, part.data.toString('utf8'));
		if (!matched.length) throw invalid('csvFile', 'No computer in the CSV file matches a host name or computer id.');
		assign(matched, group);
		return ok({ groupId: group.id, rows, assignedComputers: matched.length, notFound });
	},
};
