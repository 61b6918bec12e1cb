import { randomUUID } from 'crypto';

import type { Sandbox } from '../sandbox';
import type { User } from '../sandbox/models';
import type { TagCases } from './types';

const V3 = '/management-api/v3/Users';
const V1 = '/management-api/v1/Users';
const rl = (value: string) => ({ __rl: true, mode: 'id', value });
const idOf = (p: unknown) => (p as { value: string }).value;

/** A user only this case uses, so cases do not depend on each other (or on other tags' cases). */
function addUser(sandbox: Sandbox, emailAddress: string, extra: Partial<User> = {}): User {
	const now = new Date().toISOString();
	return sandbox.state.users.add({
		id: randomUUID(),
		emailAddress,
		accountName: emailAddress,
		givenName: 'Case',
		familyName: 'User',
		created: now,
		modified: now,
		lastSignedIn: now,
		disabled: false,
		language: 'en-US',
		olsonTimeZoneId: 'Etc/UTC',
		dateTimeDisplayFormat: 'MM/dd/yyyy HH:mm',
		roleIds: [],
		globalRoleIds: [],
		roleResource: [],
		invitationSent: now,
		externalId: null,
		...extra,
	})[0];
}

const role = (sandbox: Sandbox, name: string) => sandbox.state.roles.all().find((r) => r.name === name)!;
const globalRole = (sandbox: Sandbox, name: string) => sandbox.state.globalRoles.all().find((r) => r.name === name)!;
const userById = (sandbox: Sandbox, path: string) => sandbox.state.users.find(path.split('/')[4])!;

export const cases: TagCases = {
	tag: 'Users',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with an email filter, a last-signed-in date range and a sort',
			prepare: (sandbox) => {
				if (!sandbox.state.users.all().some((u) => u.emailAddress === 'kappa.case1@example.com')) {
					addUser(sandbox, 'kappa.case1@example.com', { lastSignedIn: '2021-06-10T09:00:00.000Z' });
					addUser(sandbox, 'kappa.case2@example.com', { lastSignedIn: '2021-06-12T09:00:00.000Z' });
					addUser(sandbox, 'kappa.case3@example.com', { lastSignedIn: '2022-01-01T09:00:00.000Z' });
					addUser(sandbox, 'kappa.case4@example.com', { lastSignedIn: null });
				}
				return {};
			},
			parameters: {
				returnAll: true,
				filters: { emailAddress: 'kappa.case', lastSignedInAfter: '2021-06-01T00:00:00Z', lastSignedInBefore: '2021-06-30T23:59:59Z' },
				sort: { rules: [{ by: 'emailAddress', order: 'desc' }] },
			},
			expectRequest: () => ({
				method: 'GET',
				path: V3,
				query: [
					['Filter.EmailAddress', 'kappa.case'],
					['Filter.LastSignedIn.Dates', '2021-06-01T00:00:00.000Z'],
					['Filter.LastSignedIn.Dates', '2021-06-30T23:59:59.000Z'],
					['Filter.LastSignedIn.SelectionMode', 'Range'],
					['Sorts[0].by', 'emailAddress'],
					['Sorts[0].order', 'desc'],
				],
			}),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.emailAddress)).toEqual(['kappa.case2@example.com', 'kappa.case1@example.com']);
			},
		},
		{
			operation: 'getMany',
			title: 'getMany of disabled users with a role and a language, limited',
			prepare: (sandbox) => {
				const auditor = role(sandbox, 'Auditor').id;
				if (!sandbox.state.users.all().some((u) => u.emailAddress === 'lambda.case1@example.com')) {
					addUser(sandbox, 'lambda.case1@example.com', { disabled: true, language: 'de-DE', roleIds: [auditor] });
					addUser(sandbox, 'lambda.case2@example.com', { disabled: false, language: 'de-DE', roleIds: [auditor] });
					addUser(sandbox, 'lambda.case3@example.com', { disabled: true, language: 'fr-FR', roleIds: [auditor] });
				}
				return { filters: { emailAddress: 'lambda.case', roleId: auditor, disabled: true, language: 'de-DE' } };
			},
			parameters: { returnAll: false, limit: 10 },
			expectRequest: (_sandbox, p) => ({
				method: 'GET',
				path: V3,
				query: [
					['Filter.EmailAddress', 'lambda.case'],
					['Filter.RoleId', (p.filters as { roleId: string }).roleId],
					['Filter.Disabled', 'true'],
					['Filter.Language', 'de-DE'],
				],
			}),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.emailAddress)).toEqual(['lambda.case1@example.com']);
				expect(items[0].json).toMatchObject({ disabled: true, language: 'de-DE', roles: [{ name: 'Auditor' }] });
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ userId: rl(addUser(sandbox, 'get.case@example.com', { language: 'nl-NL' }).id) }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${V3}/${idOf(p.userId)}` }),
			expectOutput: (items) => {
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ emailAddress: 'get.case@example.com', language: 'nl-NL', disabled: false });
			},
		},
		{
			operation: 'create',
			prepare: (sandbox) => ({
				additionalFields: {
					olsonTimeZoneId: 'Europe/London',
					dateTimeDisplayFormat: 'dd/MM/yyyy HH:mm',
					language: 'en-GB',
					enabled: true,
					roleResource: {
						values: [
							{
								admin: false,
								allGroups: true,
								groupRoles: role(sandbox, 'Computer Manager').id,
								allPolicies: true,
								policyRoles: role(sandbox, 'Policy Editor').id,
							},
						],
					},
					globalRolesIds: globalRole(sandbox, 'Global Auditor').id,
				},
			}),
			parameters: { emailAddress: 'n8n.created@example.com' },
			expectRequest: (sandbox) => ({
				method: 'POST',
				path: V3,
				body: {
					emailAddress: 'n8n.created@example.com',
					olsonTimeZoneId: 'Europe/London',
					dateTimeDisplayFormat: 'dd/MM/yyyy HH:mm',
					language: 'en-GB',
					enabled: true,
					roleResource: [
						{
							admin: false,
							allGroups: true,
							groupRoles: [role(sandbox, 'Computer Manager').id],
							allPolicies: true,
							policyRoles: [role(sandbox, 'Policy Editor').id],
						},
					],
					globalRolesIds: [globalRole(sandbox, 'Global Auditor').id],
				},
			}),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(1);
				const id = items[0].json.id as string;
				expect(id).toMatch(/^[0-9a-f-]{36}$/);
				const user = sandbox.state.users.find(id)!;
				expect(user).toMatchObject({ emailAddress: 'n8n.created@example.com', language: 'en-GB', olsonTimeZoneId: 'Europe/London', disabled: false });
				expect(user.roleIds.sort()).toEqual([role(sandbox, 'Computer Manager').id, role(sandbox, 'Policy Editor').id].sort());
				expect(user.globalRoleIds).toEqual([globalRole(sandbox, 'Global Auditor').id]);
			},
		},
		{
			operation: 'update',
			prepare: (sandbox) => ({
				userId: rl(addUser(sandbox, 'update.case@example.com').id),
				additionalFields: { emailAddress: 'updated.case@corp.example.com', language: 'es-ES' },
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'PUT',
				path: `${V3}/${idOf(p.userId)}`,
				body: { emailAddress: 'updated.case@corp.example.com', language: 'es-ES' },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(userById(sandbox, requests[requests.length - 1].path)).toMatchObject({
					emailAddress: 'updated.case@corp.example.com',
					language: 'es-ES',
				});
			},
		},
		{
			operation: 'assignRoles',
			prepare: (sandbox) => ({
				userId: rl(addUser(sandbox, 'assign.roles.case@example.com').id),
				additionalFields: {
					roleResource: { values: [{ admin: true }] },
					globalRolesIds: `${globalRole(sandbox, 'User Manager').id}, ${globalRole(sandbox, 'Settings Manager').id}`,
				},
			}),
			expectRequest: (sandbox, p) => ({
				method: 'POST',
				path: `${V3}/${idOf(p.userId)}/AssignRoles`,
				body: {
					// n8n fills the unset booleans of a fixed-collection row with their defaults.
					roleResource: [{ admin: true, allGroups: false, allPolicies: false }],
					globalRolesIds: [globalRole(sandbox, 'User Manager').id, globalRole(sandbox, 'Settings Manager').id],
				},
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const user = userById(sandbox, requests[requests.length - 1].path);
				expect(user.roleIds).toEqual([role(sandbox, 'Administrator').id]);
				expect(user.globalRoleIds).toHaveLength(2);
			},
		},
		{
			operation: 'assignRole',
			title: 'assignRole through the v1 API',
			prepare: (sandbox) => ({
				userId: rl(addUser(sandbox, 'assign.role.v1.case@example.com').id),
				roleId: rl(role(sandbox, 'Request Approver').id),
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${V1}/${idOf(p.userId)}/AssignRole`,
				body: { roleId: idOf(p.roleId) },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(userById(sandbox, requests[requests.length - 1].path).roleIds).toEqual([role(sandbox, 'Request Approver').id]);
			},
		},
		{
			operation: 'disable',
			prepare: (sandbox) => ({ userId: rl(addUser(sandbox, 'disable.case@example.com').id) }),
			expectRequest: (_sandbox, p) => ({ method: 'PATCH', path: `${V3}/${idOf(p.userId)}/Disable` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(userById(sandbox, requests[requests.length - 1].path).disabled).toBe(true);
			},
		},
		{
			operation: 'enable',
			prepare: (sandbox) => ({ userId: rl(addUser(sandbox, 'enable.case@example.com', { disabled: true }).id) }),
			expectRequest: (_sandbox, p) => ({ method: 'PATCH', path: `${V3}/${idOf(p.userId)}/Enable` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(userById(sandbox, requests[requests.length - 1].path).disabled).toBe(false);
			},
		},
		{
			operation: 'modifyPreferences',
			prepare: (sandbox) => ({
				userId: rl(addUser(sandbox, 'preferences.case@example.com').id),
				additionalFields: { olsonTimeZoneId: 'America/New_York', dateTimeDisplayFormat: 'yyyy-MM-dd HH:mm', language: 'fr-FR' },
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'PUT',
				path: `${V3}/${idOf(p.userId)}/ModifyPreferences`,
				body: { olsonTimeZoneId: 'America/New_York', dateTimeDisplayFormat: 'yyyy-MM-dd HH:mm', language: 'fr-FR' },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(userById(sandbox, requests[requests.length - 1].path)).toMatchObject({
					olsonTimeZoneId: 'America/New_York',
					dateTimeDisplayFormat: 'yyyy-MM-dd HH:mm',
					language: 'fr-FR',
				});
			},
		},
		{
			operation: 'resendInvitation',
			prepare: (sandbox) => ({
				userId: rl(addUser(sandbox, 'invite.case@example.com', { lastSignedIn: null, invitationSent: '2021-01-01T00:00:00.000Z' }).id),
			}),
			expectRequest: (_sandbox, p) => ({ method: 'PATCH', path: `${V3}/${idOf(p.userId)}/ResendInvitation` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(userById(sandbox, requests[requests.length - 1].path).invitationSent).not.toBe('2021-01-01T00:00:00.000Z');
			},
		},
	],
};
