import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'ScimServiceProviderConfig',
	cases: [
		{
			operation: 'get',
			expectRequest: () => ({ method: 'GET', path: '/management-api/scim/v2/ServiceProviderConfig' }),
			expectOutput: (items) => {
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
			},
		},
	],
};
