// ActivityAudits: the console/API change log (integer ids, `created` without zone, 7 fractional digits).
import type { ListSpec } from '../listing';
import type { ActivityAudit } from '../models';
import { HandlerTable } from './context';
import { getHandler, listHandler, omit } from './generic';

const listView = (a: ActivityAudit) => omit(a, 'dataAuditing');
const detailView = (a: ActivityAudit) => ({ ...listView(a), [a.dataAuditing.field]: a.dataAuditing.value });

const base: Omit<ListSpec<ActivityAudit>, 'view'> = {
	items: (s) => s.activityAudits.all(),
	filters: [
		{ name: 'Filter.User', kind: 'contains', get: (a) => a.user },
		{ name: 'Filter.Details', kind: 'contains', get: (a) => a.details },
		{ name: 'Filter.Entity', kind: 'contains', get: (a) => a.entity },
		{ name: 'Filter.AuditType', kind: 'equals', get: (a) => a.auditType },
		{ name: 'Filter.ChangedBy', kind: 'equals', get: (a) => a.changedBy },
		{ name: 'Filter.Created', kind: 'dateRange', get: (a) => a.created },
	],
	sorts: {
		id: (a) => a.id,
		created: (a) => a.created,
		user: (a) => a.user,
		entity: (a) => a.entity,
		entityname: (a) => a.entityName,
		audittype: (a) => a.auditType,
		changedby: (a) => a.changedBy,
		details: (a) => a.details,
	},
	defaultSort: [{ by: 'created', order: 'asc' }],
};

export const activityAuditHandlers: HandlerTable = {
	'GET /v3/ActivityAudits': listHandler({ ...base, view: listView }),
	'GET /v3/ActivityAudits/Details': listHandler({ ...base, view: detailView }),
	'GET /v3/ActivityAudits/{id}': getHandler((s) => s.activityAudits, detailView),
};
