import { idParam } from './common';
import type { TagDeclaration } from './types';

export const roles: TagDeclaration = {
	tag: 'Roles',
	displayName: 'Roles',
	noun: 'role',
	permissionArea: 'Management',
	description: 'Read the roles (group and policy permission sets) that can be given to users',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many roles',
			description: 'Retrieve list of Roles',
			method: 'GET',
			path: '/v3/Roles',
			evidence: 'SPEC',
			list: 'array',
			response: 'json',
			note: 'Returns a plain array (no paging).',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a role',
			description: 'Retrieves a Role with its allowed permissions',
			method: 'GET',
			path: '/v3/Roles/{id}',
			evidence: 'INF',
			pathParams: [idParam('role', 'Role')],
			response: 'json',
		},
	],
};
