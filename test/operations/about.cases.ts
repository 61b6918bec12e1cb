import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'About',
	cases: [
		{
			operation: 'get',
			expectRequest: () => ({ method: 'GET', path: '/management-api/v3/About' }),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(1);
				expect(items[0].json.version).toEqual(expect.any(String));
				expect(items[0].json.tenantId).toBe(sandbox.state.tenantId);
			},
		},
	],
};
