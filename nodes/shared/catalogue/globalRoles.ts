import { idParam } from './common';
import type { TagDeclaration } from './types';

export const globalRoles: TagDeclaration = {
	tag: 'GlobalRoles',
	displayName: 'Global Roles',
	noun: 'global role',
	permissionArea: 'Management',
	description: 'Read the global roles (tenant-wide permission sets) that can be given to users',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many global roles',
			description: 'Retrieves the list of Global Roles with pagination',
			method: 'GET',
			path: '/v3/GlobalRoles',
			evidence: 'CODE',
			list: 'envelope',
			response: 'json',
			sorts: ['created', 'name'],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a global role',
			description: 'Retrieves a Global Role with its allowed permissions',
			method: 'GET',
			path: '/v3/GlobalRoles/{id}',
			evidence: 'SPEC',
			pathParams: [idParam('globalRole', 'Global Role')],
			response: 'json',
		},
	],
};
