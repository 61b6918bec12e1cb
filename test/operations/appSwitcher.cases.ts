import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'AppSwitcher',
	cases: [
		{
			operation: 'connect',
			expectRequest: () => ({ method: 'POST', path: '/management-api/v3/AppSwitcher/connector' }),
			expectOutput: (items, _sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(requests[requests.length - 1].body).toBeUndefined();
			},
		},
	],
};
