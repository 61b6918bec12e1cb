import type { FieldDeclaration } from './types';

/**
 * Building blocks several tags share. Each returns fresh objects so a declaration can adjust its copy.
 */

export const idParam = (locator: FieldDeclaration['locator'], displayName: string, api = 'id', name = `${locator ?? 'record'}Id`): FieldDeclaration => ({
	api,
	name,
	displayName,
	kind: 'uuid',
	required: true,
	locator,
});

export const uuidPathParam = (api: string, name: string, displayName: string): FieldDeclaration => ({
	api,
	name,
	displayName,
	kind: 'uuid',
	required: true,
});

/**
 * The computer selection model of the bulk computer operations (Authorise, Deactivate, Reject, Delete,
 * Assign/Unassign): explicit IDs, or all computers matching a filter minus exclusions.
 */
export const computerSelection = (idsApi = 'computerIds'): FieldDeclaration[] => [
	{
		api: idsApi,
		name: 'computerIds',
		displayName: 'Computer IDs',
		kind: 'uuidList',
		primary: true,
		description: 'IDs of the computers, separated by commas (not needed when "All Computers" is on)',
	},
	{
		api: 'allComputers',
		name: 'allComputers',
		displayName: 'All Computers',
		kind: 'boolean',
		description: 'Whether to act on all computers matching the filter, except the excluded ones',
	},
	{
		api: 'excludedComputerIds',
		name: 'excludedComputerIds',
		displayName: 'Excluded Computer IDs',
		kind: 'uuidList',
		description: 'Computers to leave out when "All Computers" is on',
	},
	{
		api: 'filter',
		name: 'computerFilter',
		displayName: 'Computer Filter (JSON)',
		kind: 'json',
		description: 'ComputerFilterModel as JSON, e.g. {"host": "LAPTOP"}; its fields are not published by BeyondTrust',
	},
];

export const ENVELOPE_NOTE = 'Paginated: pages of at most 200 are fetched in parallel and returned in order.';

/** The policy of a revision: shown only to feed the Policy Revision "From list" (it reads `policyId`), never sent. */
export const revisionPolicyPicker = (): FieldDeclaration => ({
	api: 'policyId',
	name: 'policyId',
	displayName: 'Policy',
	kind: 'uuid',
	primary: true,
	notSent: true,
	locator: 'policy',
	description: 'Pick the policy to list its revisions below (not sent to the API)',
});

/** The SCIM `filter` query parameter of a SCIM list (RFC 7644 3.4.2.2). */
export const scimFilter = (example: string): FieldDeclaration => ({
	api: 'filter',
	name: 'filter',
	displayName: 'Filter',
	kind: 'string',
	description: 'SCIM filter expression',
	placeholder: `e.g. ${example}`,
});
