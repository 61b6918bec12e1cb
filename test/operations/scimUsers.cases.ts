import { randomUUID } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { User } from '../sandbox/models';
import type { TagCases } from './types';

const API = '/management-api/scim/v2/Users';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

/** A console user only this case touches. */
function addUser(sandbox: Sandbox, email: string): User {
	const now = new Date().toISOString();
	return sandbox.state.users.add({
		id: randomUUID(),
		emailAddress: email,
		accountName: email,
		givenName: 'Scim',
		familyName: 'Case',
		created: now,
		modified: now,
		lastSignedIn: null,
		disabled: false,
		language: 'en-US',
		olsonTimeZoneId: 'Etc/UTC',
		dateTimeDisplayFormat: 'MM/dd/yyyy HH:mm',
		roleIds: [],
		globalRoleIds: [],
		roleResource: [],
		invitationSent: now,
		externalId: null,
	})[0];
}

const lastContentType = (requests: Array<{ headers: Record<string, unknown> }>) => String(requests[requests.length - 1].headers['content-type']);

export const cases: TagCases = {
	tag: 'ScimUsers',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with a SCIM filter',
			prepare: (sandbox) => ({ returnAll: true, filters: { filter: `userName eq "${sandbox.state.users.all()[1].emailAddress}"` } }),
			expectRequest: (_sandbox, p) => ({
				method: 'GET',
				path: API,
				query: [
					['filter', (p.filters as IDataObject).filter as string],
					['startIndex', '1'],
				],
			}),
			expectOutput: (items, sandbox) => {
				const user = sandbox.state.users.all()[1];
				expect(items.map((i) => i.json.id)).toEqual([user.id]);
				expect(items[0].json.userName).toBe(user.emailAddress);
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a limit',
			parameters: { returnAll: false, limit: 3 },
			expectRequest: () => ({ method: 'GET', path: API, query: [['startIndex', '1'], ['count', '3']] }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json.id)).toEqual(sandbox.state.users.all().slice(0, 3).map((u) => u.id));
				expect(items[0].json.schemas).toEqual([USER_SCHEMA]);
			},
		},
		{
			operation: 'create',
			title: 'create with emails and roles (application/scim+json)',
			prepare: (sandbox) => {
				const auditor = sandbox.state.roles.all().find((r) => r.name === 'Auditor')!;
				return {
					additionalFields: {
						emails: { values: [{ value: 'scim.created@example.com', type: 'work', primary: true }] },
						roles: { values: [{ value: auditor.id, display: 'Auditor', primary: true }] },
						active: true,
						timezone: 'Europe/London',
						locale: 'en-GB',
					},
				};
			},
			parameters: { userName: 'scim.created@example.com' },
			expectRequest: (sandbox) => ({
				method: 'POST',
				path: API,
				body: {
					schemas: [USER_SCHEMA],
					userName: 'scim.created@example.com',
					emails: [{ value: 'scim.created@example.com', type: 'work', primary: true }],
					roles: [{ value: sandbox.state.roles.all().find((r) => r.name === 'Auditor')!.id, display: 'Auditor', primary: true }],
					active: true,
					timezone: 'Europe/London',
					locale: 'en-GB',
				},
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(lastContentType(requests)).toMatch(/^application\/scim\+json/);
				expect(items).toHaveLength(1);
				const user = sandbox.state.users.find(items[0].json.id as string)!;
				expect(user.emailAddress).toBe('scim.created@example.com');
				expect(user.olsonTimeZoneId).toBe('Europe/London');
				expect(items[0].json.roles).toEqual([expect.objectContaining({ display: 'Auditor' })]);
			},
		},
		{
			operation: 'get',
			title: 'get with the attributes parameter',
			prepare: (sandbox) => ({ userId: rl(sandbox.state.users.all()[2].id), filters: { attributes: 'userName,emails' } }),
			expectRequest: (sandbox) => ({
				method: 'GET',
				path: `${API}/${sandbox.state.users.all()[2].id}`,
				query: [['attributes', 'userName,emails']],
			}),
			expectOutput: (items, sandbox) => {
				const user = sandbox.state.users.all()[2];
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ id: user.id, userName: user.emailAddress });
			},
		},
		{
			operation: 'replace',
			title: 'replace the attributes of a user',
			prepare: (sandbox) => ({ userId: rl(addUser(sandbox, 'scim.replace@example.com').id) }),
			parameters: {
				userName: 'scim.replaced@example.com',
				additionalFields: { givenName: 'Rita', familyName: 'Placed', active: false, locale: 'fr-FR' },
			},
			expectRequest: (_sandbox, p) => ({
				method: 'PUT',
				path: `${API}/${(p.userId as IDataObject).value}`,
				body: {
					schemas: [USER_SCHEMA],
					userName: 'scim.replaced@example.com',
					name: { givenName: 'Rita', familyName: 'Placed' },
					active: false,
					locale: 'fr-FR',
				},
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(lastContentType(requests)).toMatch(/^application\/scim\+json/);
				const user = sandbox.state.users.find(items[0].json.id as string)!;
				expect(user).toMatchObject({ emailAddress: 'scim.replaced@example.com', givenName: 'Rita', familyName: 'Placed', disabled: true, language: 'fr-FR' });
				expect(items[0].json).toMatchObject({ userName: 'scim.replaced@example.com', active: false });
			},
		},
		{
			operation: 'patch',
			title: 'patch with the default PatchOp (deactivate)',
			prepare: (sandbox) => ({ userId: rl(addUser(sandbox, 'scim.patch-default@example.com').id) }),
			expectRequest: (_sandbox, p) => ({
				method: 'PATCH',
				path: `${API}/${(p.userId as IDataObject).value}`,
				body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }] },
			}),
			expectOutput: (items, sandbox) => {
				expect(items[0].json.active).toBe(false);
				expect(sandbox.state.users.find(items[0].json.id as string)!.disabled).toBe(true);
			},
		},
		{
			operation: 'patch',
			title: 'patch several attributes',
			prepare: (sandbox) => ({ userId: rl(addUser(sandbox, 'scim.patch@example.com').id) }),
			parameters: {
				patchBody: JSON.stringify({
					schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
					Operations: [
						{ op: 'replace', path: 'name.givenName', value: 'Patricia' },
						{ op: 'replace', path: 'timezone', value: 'America/New_York' },
					],
				}),
			},
			expectRequest: (_sandbox, p) => ({
				method: 'PATCH',
				path: `${API}/${(p.userId as IDataObject).value}`,
				body: JSON.parse(p.patchBody as string),
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(lastContentType(requests)).toMatch(/^application\/scim\+json/);
				expect(items[0].json).toMatchObject({ name: expect.objectContaining({ givenName: 'Patricia' }), timezone: 'America/New_York' });
				expect(sandbox.state.users.find(items[0].json.id as string)!.olsonTimeZoneId).toBe('America/New_York');
			},
		},
	],
};
