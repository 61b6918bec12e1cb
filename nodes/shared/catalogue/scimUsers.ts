import { idParam, scimFilter } from './common';
import type { FieldDeclaration, TagDeclaration } from './types';

const SCIM_JSON = 'application/scim+json';
const userId = idParam('user', 'User', 'userID', 'userId');

const schemas = (): FieldDeclaration => ({
	api: 'schemas',
	name: 'schemas',
	displayName: 'Schemas',
	kind: 'stringList',
	required: true,
	default: 'urn:ietf:params:scim:schemas:core:2.0:User',
	description: 'SCIM schema URNs of the user, separated by commas (keep the default)',
	placeholder: 'e.g. urn:ietf:params:scim:schemas:core:2.0:User',
});

const userName = (): FieldDeclaration => ({
	api: 'userName',
	name: 'userName',
	displayName: 'User Name',
	kind: 'string',
	required: true,
	description: 'Unique user name, usually the email address',
	placeholder: 'e.g. jane.doe@example.com',
});

const multiValued = (label: string, valueDescription: string): FieldDeclaration[] => [
	{ api: 'value', name: 'value', displayName: 'Value', kind: 'string', required: true, description: valueDescription },
	{ api: 'display', name: 'display', displayName: 'Display', kind: 'string', description: `Display name of the ${label}` },
	{ api: 'primary', name: 'primary', displayName: 'Primary', kind: 'boolean', description: `Whether this is the primary ${label}` },
];

/** Attributes Create and Replace share. */
const userAttributes = (): FieldDeclaration[] => [
	{
		api: 'emails',
		name: 'emails',
		displayName: 'Emails',
		kind: 'objectList',
		fields: [
			{ api: 'value', name: 'value', displayName: 'Email', kind: 'string', required: true, placeholder: 'e.g. name@email.com' },
			{
				api: 'type',
				name: 'type',
				displayName: 'Type',
				kind: 'options',
				options: [
					{ name: 'Home', value: 'home' },
					{ name: 'Other', value: 'other' },
					{ name: 'Work', value: 'work' },
				],
				default: 'work',
			},
			{ api: 'primary', name: 'primary', displayName: 'Primary', kind: 'boolean', description: 'Whether this is the primary email' },
		],
	},
	{
		api: 'roles',
		name: 'roles',
		displayName: 'Roles',
		kind: 'objectList',
		fields: multiValued('role', 'ID of the role (the ID from SCIM Roles > Get Many)'),
	},
	{
		api: 'active',
		name: 'active',
		displayName: 'Active',
		kind: 'boolean',
		default: true,
		description: 'Whether the user is active (can sign in)',
	},
	{ api: 'timezone', name: 'timezone', displayName: 'Time Zone', kind: 'string', placeholder: 'e.g. Europe/London' },
	{ api: 'locale', name: 'locale', displayName: 'Locale', kind: 'string', placeholder: 'e.g. en-US' },
];

export const scimUsers: TagDeclaration = {
	tag: 'ScimUsers',
	displayName: 'SCIM Users',
	noun: 'SCIM user',
	permissionArea: 'SCIM',
	description: 'Provision console users with SCIM 2.0: list, create, read, replace and patch',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			action: 'Get many SCIM users',
			description: 'Lists the SCIM users',
			method: 'GET',
			path: '/scim/v2/Users',
			evidence: 'CODE',
			list: 'scim',
			response: 'json',
			query: [
				scimFilter('userName eq "jane.doe@example.com"'),
			],
		},
		{
			value: 'create',
			name: 'Create',
			action: 'Create a SCIM user',
			description: 'Creates a user using the SCIM protocol',
			method: 'POST',
			path: '/scim/v2/Users',
			pathCandidates: ['/scim/v3/Users'],
			evidence: 'CODE',
			bodyContentType: SCIM_JSON,
			body: [schemas(), userName(), ...userAttributes()],
			response: 'json',
			note: 'Newer tenants (v26.1 docs) also offer POST /scim/v3/Users with the same user model (201 Created).',
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a SCIM user',
			description: 'Gets a user using the SCIM protocol',
			method: 'GET',
			path: '/scim/v2/Users/{userID}',
			evidence: 'DOC',
			pathParams: [userId],
			query: [
				{
					api: 'attributes',
					name: 'attributes',
					displayName: 'Attributes',
					kind: 'string',
					description: 'Attributes to return, separated by commas (all when empty)',
					placeholder: 'e.g. userName,emails',
					nameInferred: true,
				},
			],
			response: 'json',
			note: 'The vendor page shows one required query parameter whose name is hidden; "attributes" is a guess and is sent only when set.',
		},
		{
			value: 'replace',
			name: 'Replace',
			action: 'Replace a SCIM user',
			description: 'Modify a user: replaces all its attributes',
			method: 'PUT',
			path: '/scim/v2/Users/{userID}',
			evidence: 'DOC',
			pathParams: [userId],
			bodyContentType: SCIM_JSON,
			body: [
				schemas(),
				userName(),
				...userAttributes(),
				{ api: 'name.givenName', name: 'givenName', displayName: 'Given Name', kind: 'string', placeholder: 'e.g. Jane' },
				{ api: 'name.familyName', name: 'familyName', displayName: 'Family Name', kind: 'string', placeholder: 'e.g. Doe' },
				{
					api: 'entitlements',
					name: 'entitlements',
					displayName: 'Entitlements',
					kind: 'objectList',
					fields: multiValued('entitlement', 'The entitlement'),
				},
			],
			response: 'json',
			note: 'Attributes left out are cleared (SCIM PUT semantics); use Patch to change single attributes.',
		},
		{
			value: 'patch',
			name: 'Patch',
			action: 'Patch a SCIM user',
			description: 'Changes attributes of a user with SCIM patch operations',
			method: 'PATCH',
			path: '/scim/v2/Users/{userID}',
			pathCandidates: ['/scim/v3/Users/{userId}'],
			evidence: 'CODE',
			pathParams: [userId],
			bodyContentType: SCIM_JSON,
			rawJsonBody: {
				name: 'patchBody',
				displayName: 'Patch Request (JSON)',
				default: JSON.stringify(
					{
						schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
						Operations: [{ op: 'replace', path: 'active', value: false }],
					},
					null,
					2,
				),
				description: 'A SCIM PatchOp: schemas plus Operations, each with op (add, remove, replace), path and value',
			},
			response: 'json',
			note: 'Newer tenants (v26.1 docs) also offer PATCH /scim/v3/Users/{userId}, whose body names the list "operations" (lower case).',
		},
	],
};
