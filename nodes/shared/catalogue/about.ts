import type { TagDeclaration } from './types';

export const about: TagDeclaration = {
	tag: 'About',
	displayName: 'About',
	noun: 'version',
	permissionArea: 'Management',
	description: 'Read the version of the PM Cloud API',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get the API version',
			description: 'Retrieves the version of the API',
			method: 'GET',
			path: '/v3/About',
			evidence: 'INF',
			response: 'json',
		},
	],
};
