import type { TagCases } from './types';

const API = '/management-api/v3/Roles';

export const cases: TagCases = {
	tag: 'Roles',
	cases: [
		{
			operation: 'getMany',
			parameters: { returnAll: true },
			expectRequest: () => ({ method: 'GET', path: API }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json.name)).toEqual(sandbox.state.roles.all().map((r) => r.name));
				for (const item of items) expect(Array.isArray(item.json.allowPermissions)).toBe(true);
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a limit',
			parameters: { returnAll: false, limit: 2 },
			expectRequest: () => ({ method: 'GET', path: API }),
			expectOutput: (items) => expect(items).toHaveLength(2),
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ roleId: { __rl: true, mode: 'id', value: sandbox.state.roles.all()[1].id } }),
			expectRequest: (sandbox) => ({ method: 'GET', path: `${API}/${sandbox.state.roles.all()[1].id}` }),
			expectOutput: (items, sandbox) => {
				const role = sandbox.state.roles.all()[1];
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ id: role.id, name: role.name, allowPermissions: role.allowPermissions });
			},
		},
	],
};
