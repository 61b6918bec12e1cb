import type { TagDeclaration } from './types';

export const scimResourceTypes: TagDeclaration = {
	tag: 'ScimResourceTypes',
	displayName: 'SCIM Resource Types',
	noun: 'SCIM resource type',
	permissionArea: 'SCIM',
	description: 'Read the resource types (User, Role) the SCIM service offers',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many SCIM resource types',
			description: 'Lists the SCIM resource types',
			method: 'GET',
			path: '/scim/v2/ResourceTypes',
			evidence: 'CODE',
			response: 'json',
			itemsPath: 'Resources',
			note: 'A SCIM ListResponse: one item per resource type.',
		},
		{
			value: 'getUser',
			name: 'Get User Resource Type',
			action: 'Get the SCIM user resource type',
			description: 'Gets the SCIM resource type User',
			method: 'GET',
			path: '/scim/v2/ResourceTypes/User',
			evidence: 'INF',
			response: 'json',
		},
		{
			value: 'getRole',
			name: 'Get Role Resource Type',
			action: 'Get the SCIM role resource type',
			description: 'Gets the SCIM resource type Role',
			method: 'GET',
			path: '/scim/v2/ResourceTypes/Role',
			evidence: 'INF',
			response: 'json',
		},
	],
};
