// Computers: list/detail, bulk selection actions, archive, logs, agent commands.
import { isoMs } from '../dates';
import { buildPredicate, coveredNames, FilterDef, ListSpec, queryFromFilterObject } from '../listing';
import type { Computer } from '../models';
import { invalid, notFound } from '../problem';
import type { SandboxState } from '../state';
import { endpointInformation } from '../seed';
import { zip } from '../zip';
import { bool, obj, uuid, uuids } from './body';
import { done, HandlerContext, HandlerTable, ok, file, taskReply } from './context';
import { getHandler, listHandler, omit } from './generic';
import { groupOf, groupPolicy, unassign } from './relations';

function computerView(c: Computer, state: SandboxState) {
	const group = groupOf(c, state);
	return {
		...omit(c, 'certificateExpiry'),
		groupName: group?.name ?? null,
		...groupPolicy(group, state),
	};
}

const detailView = (c: Computer, state: SandboxState) => ({
	...computerView(c, state),
	certificateExpiry: c.certificateExpiry,
	endpointInformation: endpointInformation(c),
});

const computerFilters: FilterDef<Computer>[] = [
	{ name: 'Filter.ComputerId', kind: 'equals', get: (c) => c.id },
	{ name: 'Filter.Host', kind: 'contains', get: (c) => c.host },
	{ name: 'Filter.HostType', kind: 'equals', get: (c) => c.hostType },
	{ name: 'Filter.AgentVersion', kind: 'contains', get: (c) => c.agentVersion },
	{ name: 'Filter.AdapterVersion', kind: 'contains', get: (c) => c.adapterVersion },
	{ name: 'Filter.PackageManagerVersion', kind: 'contains', get: (c) => c.packageManagerVersion },
	{ name: 'Filter.State', kind: 'equals', get: (c) => c.authorisationState },
	{ name: 'Filter.LastConnected', kind: 'dateRange', get: (c) => c.lastConnected },
];
const ALL_FILTER_NAMES = new Set(computerFilters.flatMap((f) => coveredNames(f)).map((n) => n.toLowerCase()));

const computerList: ListSpec<Computer> = {
	items: (s) => s.computers.all(),
	view: computerView,
	filters: computerFilters,
	sorts: {
		id: (c) => c.id,
		created: (c) => c.created,
		host: (c) => c.host,
		hosttype: (c) => c.hostType,
		lastconnected: (c) => c.lastConnected,
		agentversion: (c) => c.agentVersion,
		adapterversion: (c) => c.adapterVersion,
		authorisationstate: (c) => c.authorisationState,
		state: (c) => c.authorisationState,
		archived: (c) => c.archived,
		groupname: (c, s) => groupOf(c, s)?.name ?? null,
		policyname: (c, s) => groupPolicy(groupOf(c, s), s).policyName,
	},
	defaultSort: [{ by: 'created', order: 'asc' }],
};

/**
 * The computers a selection body names: `{ computerIds | selectionComputerIds, excludedComputerIds,
 * filter (ComputerFilterModel, same fields as the list's Filter.*), allComputers }`.
 * Unknown ids give a 404; neither ids nor allComputers gives a 400.
 */
export function selectComputers(ctx: HandlerContext, idsField = 'computerIds'): Computer[] {
	const { state, body } = ctx;
	const excluded = new Set((uuids(body, 'excludedComputerIds') ?? []).map((id) => id.toLowerCase()));
	let chosen: Computer[];
	if (bool(body, 'allComputers')) {
		const predicate = buildPredicate(computerFilters, queryFromFilterObject(obj(body, 'filter')), ALL_FILTER_NAMES, state);
		chosen = state.computers.all().filter(predicate);
	} else {
		const ids = uuids(body, idsField);
		if (!ids?.length) throw invalid(idsField, `${idsField} is required when allComputers is false.`);
		const missing = ids.filter((id) => !state.computers.find(id));
		if (missing.length) throw notFound(`Computers not found: ${missing.join(', ')}`);
		chosen = ids.map((id) => state.computers.require(id));
	}
	return chosen.filter((c) => !excluded.has(c.id.toLowerCase()));
}

function command(ctx: HandlerContext, computers: Computer[], name: string, operation: string) {
	const { state } = ctx;
	const task = state.createTask(name, operation, computers.map((c) => c.id), ctx.clientId);
	for (const c of computers) {
		state.commandLogs.add({ id: state.rng.uuid(), computerId: c.id, command: operation, created: task.created, createdBy: ctx.clientId, taskId: task.id });
	}
	return task;
}

const setArchived = (archived: boolean) => (ctx: HandlerContext) => {
	ctx.state.computers.require(ctx.params.id).archived = archived;
	return done(ctx.op);
};

const bulkArchived = (archived: boolean) => (ctx: HandlerContext) => {
	for (const c of selectComputers(ctx)) c.archived = archived;
	return done(ctx.op);
};

export const computerHandlers: HandlerTable = {
	'GET /v3/Computers': listHandler(computerList),
	'GET /v3/Computers/{id}': getHandler((s) => s.computers, detailView),

	/** Removes the selected computers; replies 201 with the id of the deletion Task. */
	'DELETE /v3/Computers': (ctx) => {
		const chosen = selectComputers(ctx);
		const task = ctx.state.createTask('Delete computers', 'Delete', chosen.map((c) => c.id), ctx.clientId);
		const ids = new Set(chosen);
		ctx.state.computers.removeWhere((c) => ids.has(c));
		return taskReply(ctx.op, task);
	},

	/** Authorises the selection and, with `groupId`, assigns it to that group. */
	'POST /v3/Computers/Authorise': (ctx) => {
		const groupId = uuid(ctx.body, 'groupId');
		if (groupId && !ctx.state.groups.find(groupId)) throw invalid('groupId', `Group '${groupId}' was not found.`);
		const now = isoMs(ctx.state.now());
		for (const c of selectComputers(ctx)) {
			c.authorisationState = 'Authorised';
			c.authorised ??= now;
			if (groupId) c.groupId = groupId;
		}
		return done(ctx.op);
	},

	/** "Deactivate no longer exists": archives and deletes the selection. */
	'POST /v3/Computers/Deactivate': (ctx) => {
		const chosen = new Set(selectComputers(ctx));
		ctx.state.computers.removeWhere((c) => chosen.has(c));
		return done(ctx.op);
	},

	'POST /v3/Computers/Reject': (ctx) => {
		const chosen = selectComputers(ctx);
		for (const c of chosen) {
			c.authorisationState = 'Rejected';
			c.authorised = null;
		}
		unassign(chosen);
		return done(ctx.op);
	},

	'POST /v3/Computers/RenewCertificate': (ctx) => {
		const chosen = selectComputers(ctx);
		const task = command(ctx, chosen, 'Renew computer certificate', 'RenewCertificate');
		const expiry = isoMs(ctx.state.now() + 365 * 86_400_000);
		for (const c of chosen) c.certificateExpiry = expiry;
		return taskReply(ctx.op, task);
	},

	/** Asks the agent for its logs: a Task, a command log entry and a new downloadable log. */
	'POST /v3/Computers/{id}/RetrieveLogs': (ctx) => {
		const { state } = ctx;
		const computer = state.computers.require(ctx.params.id);
		state.logsOf(computer);
		const task = command(ctx, [computer], 'Retrieve computer logs', 'RetrieveLogs');
		state.computerLogs.add(state.newLog(state.rng, computer, state.now(), task.id));
		return taskReply(ctx.op, task);
	},

	'POST /v3/Computers/RetrieveStatusInfo': (ctx) => {
		const chosen = selectComputers(ctx);
		const task = command(ctx, chosen, 'Retrieve computer status info', 'RetrieveStatusInfo');
		return taskReply(ctx.op, task);
	},

	'GET /v3/Computers/{id}/CommandLogs': (ctx) => {
		const computer = ctx.state.computers.require(ctx.params.id);
		return ok(ctx.state.commandLogs.all().filter((l) => l.computerId === computer.id));
	},

	'GET /v3/Computers/{id}/Logs': (ctx) => {
		const computer = ctx.state.computers.require(ctx.params.id);
		return ok(ctx.state.logsOf(computer).map((l) => omit(l, 'taskId')));
	},

	/** A zip holding the agent log text. */
	'GET /v3/Computers/{id}/Logs/{logId}/Download': (ctx) => {
		const { state } = ctx;
		const computer = state.computers.require(ctx.params.id);
		const log = state.logsOf(computer).find((l) => l.id.toLowerCase() === ctx.params.logId.toLowerCase());
		if (!log) throw notFound(`Computer log '${ctx.params.logId}' was not found for computer '${computer.id}'.`);
		const data = zip([{ name: `${computer.host}.log`, data: Buffer.from(state.logText(log), 'utf8'), modifiedMs: Date.parse(log.created) }]);
		return file(data, 'application/zip', log.fileName);
	},

	'POST /v3/Computers/{id}/Archive': setArchived(true),
	'POST /v3/Computers/{id}/Unarchive': setArchived(false),
	'POST /v3/Computers/Archive': bulkArchived(true),
	'POST /v3/Computers/Unarchive': bulkArchived(false),
};
