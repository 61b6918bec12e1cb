import type { TagDeclaration } from './types';

export const authorizationRequestAudits: TagDeclaration = {
	tag: 'AuthorizationRequestAudits',
	displayName: 'Authorization Request Audits',
	noun: 'authorization request audit',
	permissionArea: 'Audit',
	description: 'Read the audit trail of authorization (JIT) requests',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many authorization request audits',
			description: 'Retrieves the list of Authorization Request Audit with pagination (sorting and filtering)',
			method: 'GET',
			path: '/v3/AuthorizationRequestAudits',
			evidence: 'INF',
			list: 'envelope',
			response: 'json',
			sorts: ['timeOfRequest'],
			dateRanges: [{ api: 'Filter.TimeOfRequest', label: 'Time of Request', name: 'timeOfRequest' }],
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get an authorization request audit',
			description: 'Retrieves Record of Authorization Request Audit',
			method: 'GET',
			path: '/v3/AuthorizationRequestAudits/{id}',
			evidence: 'INF',
			pathParams: [
				{
					api: 'id',
					name: 'auditId',
					displayName: 'Audit ID',
					kind: 'string',
					required: true,
					description: 'ID of the audit record (from Get Many)',
				},
			],
			response: 'json',
			note: 'The type of the ID is not documented (string accepted).',
		},
	],
};
