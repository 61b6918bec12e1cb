import { randomUUID } from 'crypto';

import type { Sandbox } from '../sandbox';
import type { TagCases } from './types';

const API = '/management-api/v3/AcceptedDomains';

/** A domain only this case uses, so cases do not depend on each other. */
function addDomain(sandbox: Sandbox, domain: string) {
	return sandbox.state.acceptedDomains.add({ id: randomUUID(), domain, created: new Date().toISOString() })[0];
}

export const cases: TagCases = {
	tag: 'AcceptedDomains',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany returns the plain array as items',
			parameters: { returnAll: true },
			expectRequest: () => ({ method: 'GET', path: API }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json.id)).toEqual(sandbox.state.acceptedDomains.all().map((d) => d.id));
				expect(items.map((i) => i.json.domain)).toContain('example.com');
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a limit',
			parameters: { returnAll: false, limit: 1 },
			expectRequest: () => ({ method: 'GET', path: API }),
			expectOutput: (items) => expect(items).toHaveLength(1),
		},
		{
			operation: 'create',
			parameters: { domainName: 'n8n-created.example.org' },
			expectRequest: () => ({ method: 'POST', path: API, body: { domainName: 'n8n-created.example.org' } }),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(1);
				const id = items[0].json.id as string;
				expect(id).toMatch(/^[0-9a-f-]{36}$/);
				expect(sandbox.state.acceptedDomains.find(id)?.domain).toBe('n8n-created.example.org');
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ acceptedDomainId: sandbox.state.acceptedDomains.all()[0].id }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${p.acceptedDomainId}` }),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(1);
				expect(items[0].json.domain).toBe(sandbox.state.acceptedDomains.all()[0].domain);
			},
		},
		{
			operation: 'update',
			prepare: (sandbox) => ({ acceptedDomainId: addDomain(sandbox, 'rename-me.example.org').id, domainName: 'renamed.example.org' }),
			expectRequest: (_sandbox, p) => ({ method: 'PUT', path: `${API}/${p.acceptedDomainId}`, body: { domainName: 'renamed.example.org' } }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const id = requests[requests.length - 1].path.split('/').pop()!;
				expect(sandbox.state.acceptedDomains.find(id)?.domain).toBe('renamed.example.org');
			},
		},
		{
			operation: 'update',
			title: 'update with the alternative "domain" property',
			prepare: (sandbox) => ({
				acceptedDomainId: addDomain(sandbox, 'alt-rename.example.org').id,
				domainName: 'alt-renamed.example.org',
				additionalFields: { domain: 'alt-renamed.example.org' },
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'PUT',
				path: `${API}/${p.acceptedDomainId}`,
				body: { domainName: 'alt-renamed.example.org', domain: 'alt-renamed.example.org' },
			}),
			expectOutput: (items) => expect(items.map((i) => i.json)).toEqual([{ success: true }]),
		},
		{
			operation: 'delete',
			prepare: (sandbox) => ({ acceptedDomainId: addDomain(sandbox, 'delete-me.example.org').id }),
			expectRequest: (_sandbox, p) => ({ method: 'DELETE', path: `${API}/${p.acceptedDomainId}` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
				const id = requests[requests.length - 1].path.split('/').pop()!;
				expect(sandbox.state.acceptedDomains.find(id)).toBeUndefined();
			},
		},
	],
};
