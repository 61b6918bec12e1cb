import type { IDataObject } from 'n8n-workflow';

/**
 * The streams the trigger watches, as data: where to read, how records are identified and ordered,
 * which filters exist (sent to the API where it has them, else applied here), and the simplified shape.
 */
export type ReadStrategy =
	/** `Events/FromStartDate`: inclusive StartDate on `event.ingested`, pages of up to 1,000. */
	| 'fromStartDate'
	/** Envelope list with a date-range filter, sorted by created ascending. */
	| 'ascendingRange'
	/** Envelope list without a usable date filter: sorted newest first and read down to the cursor. */
	| 'newestFirst';

export interface StreamFilter {
	name: string;
	displayName: string;
	description: string;
	options?: Array<{ name: string; value: string }>;
	placeholder?: string;
	/** Query key when the API filters on it; the node still checks the record. */
	api?: string;
	/** Does the record match the value the user set? Lists are comma-separated. */
	matches: (record: IDataObject, value: string) => boolean;
}

export interface StreamDeclaration {
	value: string;
	name: string;
	description: string;
	permissionArea: string;
	strategy: ReadStrategy;
	path: string;
	/** For `ascendingRange`: `<api>.Dates` / `<api>.SelectionMode`. */
	dateFilter?: string;
	sortBy?: string;
	fixedQuery?: Array<[string, string]>;
	idOf: (record: IDataObject) => string | undefined;
	timeOf: (record: IDataObject) => unknown;
	simplify: (record: IDataObject) => IDataObject;
	filters: StreamFilter[];
	/** Records of the stream at all, checked in the node too (in case the API ignores a fixed filter). */
	accept?: (record: IDataObject) => boolean;
}

const get = (record: unknown, path: string): IDataObject[string] =>
	path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), record) as IDataObject[string];
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const list = (value: string) =>
	value
		.split(',')
		.map((v) => v.trim().toLowerCase())
		.filter(Boolean);
const anyOf = (actual: unknown, wanted: string) => {
	const values = (Array.isArray(actual) ? actual : [actual]).map((v) => str(v).toLowerCase());
	return list(wanted).some((w) => values.includes(w));
};
const contains = (actual: unknown, wanted: string) => str(actual).toLowerCase().includes(wanted.trim().toLowerCase());

const decisionOptions = [
	{ name: 'Approved', value: 'Approved' },
	{ name: 'Denied', value: 'Denied' },
	{ name: 'Pending', value: 'Pending' },
];

export const STREAMS: StreamDeclaration[] = [
	{
		value: 'newClientEvent',
		name: 'New Client Event',
		description: 'An endpoint event reached PM Cloud (ordered by ingestion time, event.ingested)',
		permissionArea: 'Reporting',
		strategy: 'fromStartDate',
		path: '/v3/Events/FromStartDate',
		idOf: (e) => str(get(e, 'event.id')) || undefined,
		timeOf: (e) => get(e, 'event.ingested'),
		simplify: (e) => ({
			id: get(e, 'event.id'),
			ingested: get(e, 'event.ingested'),
			timestamp: e['@timestamp'],
			code: get(e, 'event.code'),
			action: get(e, 'event.action'),
			type: get(e, 'event.type'),
			outcome: get(e, 'event.outcome'),
			host: get(e, 'host.hostname') ?? get(e, 'host.name'),
			os: get(e, 'host.os.type') ?? get(e, 'host.os.family'),
			user: get(e, 'user.name'),
			userDomain: get(e, 'user.domain'),
			file: get(e, 'file.name'),
			filePath: get(e, 'file.path'),
			sha256: get(e, 'file.hash.sha256'),
			commandLine: get(e, 'process.command_line'),
			groupId: get(e, 'EPMWinMac.GroupId'),
		}),
		filters: [
			{ name: 'eventCodes', displayName: 'Event Codes', description: 'Only these event codes, comma-separated', placeholder: 'e.g. 100, 101', matches: (e, v) => anyOf(get(e, 'event.code'), v) },
			{ name: 'eventActions', displayName: 'Event Actions', description: 'Only these event actions, comma-separated', placeholder: 'e.g. Process elevated', matches: (e, v) => anyOf(get(e, 'event.action'), v) },
			{ name: 'eventTypes', displayName: 'Event Types', description: 'Only these event types, comma-separated', placeholder: 'e.g. start', matches: (e, v) => anyOf(get(e, 'event.type'), v) },
			{
				name: 'operatingSystem',
				displayName: 'Operating System',
				description: 'Only events from computers with this operating system',
				options: [
					{ name: 'Mac', value: 'macos' },
					{ name: 'Windows', value: 'windows' },
				],
				matches: (e, v) => contains(get(e, 'host.os.type') ?? get(e, 'host.os.family') ?? get(e, 'host.os.platform'), v === 'macos' ? 'mac' : v),
			},
			{ name: 'host', displayName: 'Host Name Contains', description: 'Only events from matching host names', placeholder: 'e.g. LAPTOP-', matches: (e, v) => contains(get(e, 'host.hostname') ?? get(e, 'host.name'), v) },
			{ name: 'user', displayName: 'User Name Contains', description: 'Only events of matching users', placeholder: 'e.g. jdoe', matches: (e, v) => contains(get(e, 'user.name'), v) },
		],
	},
	{
		value: 'newAuthorizationRequest',
		name: 'New Authorization Request',
		description: 'An application elevation (JIT application access) request was created',
		permissionArea: 'Management',
		strategy: 'newestFirst',
		path: '/v3/AuthorizationRequest',
		sortBy: 'created',
		idOf: (r) => str(r.id ?? get(r, 'serviceTicket.systemId')) || undefined,
		timeOf: (r) => r.created ?? get(r, 'requestInfo.created'),
		simplify: (r) => ({
			id: r.id,
			created: r.created ?? get(r, 'requestInfo.created'),
			user: get(r, 'requestInfo.user'),
			computer: get(r, 'requestInfo.computerName'),
			application: get(r, 'requestInfo.applicationName'),
			ticketId: get(r, 'serviceTicket.ticketId') ?? r.ticketId,
			systemId: get(r, 'serviceTicket.systemId') ?? r.systemId,
			status: get(r, 'accessDecision.status'),
			decision: get(r, 'accessDecision.decision'),
		}),
		filters: [
			{
				name: 'decision',
				displayName: 'Decision',
				description: 'Only requests with this decision',
				options: decisionOptions,
				matches: (r, v) => contains(get(r, 'accessDecision.decision') ?? get(r, 'accessDecision.status') ?? 'Pending', v),
			},
		],
	},
	{
		value: 'newAdminAccessRequest',
		name: 'New Admin Access Request',
		description: 'A user asked for a just-in-time admin session',
		permissionArea: 'Management',
		strategy: 'newestFirst',
		path: '/v3/AdminAccessRequest',
		sortBy: 'created',
		idOf: (r) => str(r.id ?? r.requestId) || undefined,
		timeOf: (r) => r.created,
		simplify: (r) => ({
			id: r.id ?? r.requestId,
			created: r.created,
			computerId: r.computerId,
			computer: r.computerName ?? r.hostName,
			user: r.userName ?? r.computerUserName,
			reason: r.reason,
			duration: r.duration,
			decision: r.decision,
		}),
		filters: [
			{
				name: 'decision',
				displayName: 'Decision',
				description: 'Only requests with this decision',
				options: decisionOptions,
				api: 'Filter.Decision',
				matches: (r, v) => contains(r.decision ?? 'Pending', v),
			},
		],
	},
	{
		value: 'newActivityAudit',
		name: 'New Activity Audit',
		description: 'Somebody changed something in the console or through the API',
		permissionArea: 'Audit',
		strategy: 'ascendingRange',
		path: '/v3/ActivityAudits',
		dateFilter: 'Filter.Created',
		sortBy: 'created',
		idOf: (r) => str(r.id) || undefined,
		timeOf: (r) => r.created,
		simplify: (r) => ({
			id: r.id,
			created: r.created,
			user: r.user,
			changedBy: r.changedBy,
			entity: r.entity,
			entityName: r.entityName,
			auditType: r.auditType,
			details: r.details,
		}),
		filters: [
			{ name: 'entity', displayName: 'Entity', description: 'Only audits of this entity', placeholder: 'e.g. PolicyRevision', api: 'Filter.Entity', matches: (r, v) => contains(r.entity, v) },
			{ name: 'auditType', displayName: 'Audit Type', description: 'Only audits of this type', placeholder: 'e.g. Create', api: 'Filter.AuditType', matches: (r, v) => contains(r.auditType, v) },
			{
				name: 'changedBy',
				displayName: 'Changed By',
				description: 'Only changes made through the API or the console',
				options: [
					{ name: 'API', value: 'API' },
					{ name: 'Portal', value: 'Portal' },
				],
				api: 'Filter.ChangedBy',
				matches: (r, v) => contains(r.changedBy, v),
			},
		],
	},
	{
		value: 'newComputer',
		name: 'New Computer Awaiting Authorisation',
		description: 'A computer registered and waits to be authorised',
		permissionArea: 'Management',
		strategy: 'newestFirst',
		path: '/v3/Computers',
		sortBy: 'created',
		fixedQuery: [['Filter.State', 'Pending']],
		accept: (r) => str(r.authorisationState ?? r.state).toLowerCase() === 'pending',
		idOf: (r) => str(r.id) || undefined,
		timeOf: (r) => r.created,
		simplify: (r) => ({
			id: r.id,
			created: r.created,
			host: r.host,
			hostType: r.hostType,
			agentVersion: r.agentVersion,
			state: r.authorisationState ?? r.state,
		}),
		filters: [],
	},
];
