import type { TagCases } from './types';

const API = '/management-api/scim/v2/ResourceTypes';

export const cases: TagCases = {
	tag: 'ScimResourceTypes',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany returns one item per resource type',
			expectRequest: () => ({ method: 'GET', path: API }),
			expectOutput: (items) => expect(items.map((i) => i.json.name)).toEqual(['User', 'Role']),
		},
		{
			operation: 'getUser',
			expectRequest: () => ({ method: 'GET', path: `${API}/User` }),
			expectOutput: (items) => expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ id: 'User', endpoint: '/Users' })]),
		},
		{
			operation: 'getRole',
			expectRequest: () => ({ method: 'GET', path: `${API}/Role` }),
			expectOutput: (items) => expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ id: 'Role', endpoint: '/Roles' })]),
		},
	],
};
