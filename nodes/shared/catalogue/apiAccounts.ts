import type { TagDeclaration } from './types';

export const apiAccounts: TagDeclaration = {
	tag: 'ApiAccounts',
	displayName: 'API Accounts',
	noun: 'API account',
	permissionArea: 'Management',
	description: 'List the API accounts (clients) of the tenant',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many API accounts',
			description: 'Retrieves list of Api Accounts',
			method: 'GET',
			path: '/v3/ApiAccounts',
			evidence: 'INF',
			list: 'array',
			response: 'json',
			note: 'Returns a plain array (no paging).',
		},
	],
};
