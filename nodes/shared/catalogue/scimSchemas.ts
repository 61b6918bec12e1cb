import type { TagDeclaration } from './types';

export const scimSchemas: TagDeclaration = {
	tag: 'ScimSchemas',
	displayName: 'SCIM Schemas',
	noun: 'SCIM schema',
	permissionArea: 'SCIM',
	description: 'Read the schemas (attributes) of the SCIM resources',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many SCIM schemas',
			description: 'Gets the SCIM schemas',
			method: 'GET',
			path: '/scim/v2/Schemas',
			evidence: 'CODE',
			response: 'json',
			itemsPath: 'Resources',
			note: 'A SCIM ListResponse: one item per schema.',
		},
	],
};
