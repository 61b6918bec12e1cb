import type { TagDeclaration } from './types';

export const authenticationProvider: TagDeclaration = {
	tag: 'AuthenticationProvider',
	displayName: 'Authentication Provider',
	noun: 'authentication provider',
	permissionArea: 'Management',
	description: 'Read the authentication (identity) provider configured for the console',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get the authentication provider',
			description: 'Retrieves a detail of the configured authentication provider',
			method: 'GET',
			path: '/v3/AuthenticationProvider',
			evidence: 'INF',
			response: 'json',
		},
	],
};
