import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'ApiAccounts',
	cases: [
		{
			operation: 'getMany',
			parameters: { returnAll: true },
			expectRequest: () => ({ method: 'GET', path: '/management-api/v3/ApiAccounts' }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json.id)).toEqual(sandbox.state.apiAccounts.all().map((a) => a.id));
				expect(items.map((i) => i.json.clientId)).toContain('sandbox-client');
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a limit',
			parameters: { returnAll: false, limit: 1 },
			expectRequest: () => ({ method: 'GET', path: '/management-api/v3/ApiAccounts' }),
			expectOutput: (items) => expect(items).toHaveLength(1),
		},
	],
};
