import { scimFilter } from './common';
import type { TagDeclaration } from './types';

export const scimRoles: TagDeclaration = {
	tag: 'ScimRoles',
	displayName: 'SCIM Roles',
	noun: 'SCIM role',
	permissionArea: 'SCIM',
	description: 'List the roles the SCIM service can give to users',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many SCIM roles',
			description: 'Lists the SCIM roles',
			method: 'GET',
			path: '/scim/v2/Roles',
			evidence: 'SPEC',
			list: 'scim',
			response: 'json',
			query: [
				scimFilter('displayName eq "Administrator"'),
			],
		},
	],
};
