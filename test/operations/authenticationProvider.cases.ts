import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'AuthenticationProvider',
	cases: [
		{
			operation: 'get',
			expectRequest: () => ({ method: 'GET', path: '/management-api/v3/AuthenticationProvider' }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json)).toEqual([sandbox.state.authenticationProvider]);
			},
		},
	],
};
