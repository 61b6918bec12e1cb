import type { TagCases } from './types';

const API = '/management-api/scim/v2/Roles';

export const cases: TagCases = {
	tag: 'ScimRoles',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with a SCIM filter',
			parameters: { returnAll: true, filters: { filter: 'displayName eq "Auditor"' } },
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['filter', 'displayName eq "Auditor"'],
					['startIndex', '1'],
					['count', '200'],
				],
			}),
			expectOutput: (items, sandbox) => {
				const auditor = sandbox.state.roles.all().find((r) => r.name === 'Auditor')!;
				expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ id: auditor.id, displayName: 'Auditor' })]);
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a limit asks for that count',
			parameters: { returnAll: false, limit: 4 },
			expectRequest: () => ({ method: 'GET', path: API, query: [['startIndex', '1'], ['count', '4']] }),
			expectOutput: (items, sandbox, requests) => {
				expect(requests).toHaveLength(1);
				expect(items.map((i) => i.json.displayName)).toEqual(sandbox.state.roles.all().slice(0, 4).map((r) => r.name));
			},
		},
	],
};
