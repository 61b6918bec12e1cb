import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'ScimSchemas',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany returns one item per schema',
			expectRequest: () => ({ method: 'GET', path: '/management-api/scim/v2/Schemas' }),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.id)).toEqual(['urn:ietf:params:scim:schemas:core:2.0:User', 'urn:ietf:params:scim:schemas:core:2.0:Role']);
				for (const item of items) expect(Array.isArray(item.json.attributes)).toBe(true);
			},
		},
	],
};
