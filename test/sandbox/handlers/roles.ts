// Roles (plain array) and GlobalRoles (paged, new in v3).
import type { GlobalRole, Role } from '../models';
import { HandlerTable } from './context';
import { arrayHandler, getHandler, listHandler, omit } from './generic';

const roleListView = (r: Role) => ({ id: r.id, name: r.name, allowPermissions: r.allowPermissions });
const globalListView = (r: GlobalRole) => omit(r, 'allowPermissions', 'denyPermissions');

export const roleHandlers: HandlerTable = {
	'GET /v3/Roles': arrayHandler((ctx) => ctx.state.roles.all(), roleListView),
	'GET /v3/Roles/{id}': getHandler((s) => s.roles, (r) => r),
	'GET /v3/GlobalRoles': listHandler<GlobalRole>({
		items: (s) => s.globalRoles.all(),
		view: globalListView,
		filters: [],
		sorts: { id: (r) => r.id, name: (r) => r.name, created: (r) => r.created, isdefault: (r) => r.isDefault },
		defaultSort: [{ by: 'created', order: 'asc' }],
	}),
	'GET /v3/GlobalRoles/{id}': getHandler((s) => s.globalRoles, (r) => r),
};
