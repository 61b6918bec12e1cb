import type { TagDeclaration } from './types';

export const scimServiceProviderConfig: TagDeclaration = {
	tag: 'ScimServiceProviderConfig',
	displayName: 'SCIM Service Provider Config',
	noun: 'SCIM service provider config',
	permissionArea: 'SCIM',
	description: 'Read the SCIM features the service supports (patch, filter, bulk, sorting …)',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get the SCIM service provider config',
			description: 'Gets the JSON structure of the SCIM features available',
			method: 'GET',
			path: '/scim/v2/ServiceProviderConfig',
			evidence: 'CODE',
			response: 'json',
		},
	],
};
