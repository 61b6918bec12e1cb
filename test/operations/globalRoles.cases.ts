import type { TagCases } from './types';

const API = '/management-api/v3/GlobalRoles';

export const cases: TagCases = {
	tag: 'GlobalRoles',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany sorted by name',
			parameters: { returnAll: true, sort: { rules: [{ by: 'name', order: 'asc' }] } },
			expectRequest: () => ({ method: 'GET', path: API, query: [['Sorts[0].by', 'name'], ['Sorts[0].order', 'asc']] }),
			expectOutput: (items, sandbox) => {
				const names = items.map((i) => String(i.json.name));
				expect(names).toEqual(sandbox.state.globalRoles.all().map((r) => r.name).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ globalRoleId: { __rl: true, mode: 'id', value: sandbox.state.globalRoles.all()[1].id } }),
			expectRequest: (sandbox) => ({ method: 'GET', path: `${API}/${sandbox.state.globalRoles.all()[1].id}` }),
			expectOutput: (items, sandbox) => {
				const role = sandbox.state.globalRoles.all()[1];
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ id: role.id, name: role.name });
				expect(items[0].json.allowPermissions).toEqual(role.allowPermissions);
			},
		},
		{
			operation: 'get',
			title: 'get from the list mode of the resource locator',
			prepare: (sandbox) => ({ globalRoleId: { __rl: true, mode: 'list', value: sandbox.state.globalRoles.all()[0].id, cachedResultName: 'Global Administrator' } }),
			expectRequest: (sandbox) => ({ method: 'GET', path: `${API}/${sandbox.state.globalRoles.all()[0].id}` }),
			expectOutput: (items) => expect(items[0].json.name).toBe('Global Administrator'),
		},
	],
};
