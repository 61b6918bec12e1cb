import { randomUUID } from 'crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { Group, PolicyRevision } from '../sandbox/models';
import { addPolicy, policyXml, rl } from './helpers';
import type { TagCases } from './types';

const API = '/management-api/v3/Policies';
const idOf = (p: unknown) => (p as { value: string }).value;


/** One input item carrying a policy file in its `field` binary property. */
const xmlItem = (content: string, field = 'data'): INodeExecutionData[] => [
	{
		json: {},
		binary: { [field]: { data: Buffer.from(content).toString('base64'), mimeType: 'application/xml', fileName: 'policy.xml' } },
	},
];

function addGroupOn(sandbox: Sandbox, name: string, revision: PolicyRevision): Group {
	return sandbox.state.groups.add({
		id: randomUUID(),
		name,
		description: '',
		isDefault: false,
		created: new Date().toISOString(),
		policyId: revision.policyId,
		policyRevisionId: revision.id,
	})[0];
}

const policyNamed = (sandbox: Sandbox, name: string) => sandbox.state.policies.all().find((p) => p.name === name)!;

export const cases: TagCases = {
	tag: 'Policies',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with a name filter, a created date range and a sort',
			prepare: (sandbox) => {
				if (!sandbox.state.policies.all().some((p) => p.name === 'Omega Case Policy A')) {
					addPolicy(sandbox, 'Omega Case Policy A', 2, { created: '2021-05-10T08:00:00.000Z' });
					addPolicy(sandbox, 'Omega Case Policy B', 1, { created: '2021-05-11T08:00:00.000Z' });
					addPolicy(sandbox, 'Omega Case Policy C', 1, { created: '2021-07-01T08:00:00.000Z' });
				}
				return {};
			},
			parameters: {
				returnAll: true,
				filters: { name: 'Omega Case', createdAfter: '2021-05-01', createdBefore: '2021-05-31T23:59:59Z' },
				sort: { rules: [{ by: 'name', order: 'desc' }] },
			},
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.Name', 'Omega Case'],
					['Filter.Created.Dates', '2021-05-01T00:00:00.000Z'],
					['Filter.Created.Dates', '2021-05-31T23:59:59.000Z'],
					['Filter.Created.SelectionMode', 'Range'],
					['Sorts[0].by', 'name'],
					['Sorts[0].order', 'desc'],
				],
			}),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.name)).toEqual(['Omega Case Policy B', 'Omega Case Policy A']);
				expect(items[1].json).toMatchObject({ revision: 2, totalRevisions: 2, totalAssignedRevisions: 0 });
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a revision count filter and a limit',
			parameters: { returnAll: false, limit: 5, filters: { name: 'Omega Case', revision: 1 } },
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.Name', 'Omega Case'],
					['Filter.Revision', '1'],
				],
			}),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.name).sort()).toEqual(['Omega Case Policy B', 'Omega Case Policy C']);
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ policyId: rl(addPolicy(sandbox, 'Get Case Policy', 3).policy.id) }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${idOf(p.policyId)}` }),
			expectOutput: (items) => {
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ name: 'Get Case Policy', revision: 3, totalRevisions: 3 });
			},
		},
		{
			operation: 'create',
			parameters: { name: 'n8n Created Policy', additionalFields: { description: 'Uploaded by n8n' } },
			input: () => xmlItem(policyXml('n8n Created Policy')),
			expectRequest: () => ({ method: 'POST', path: API }),
			expectOutput: (items, sandbox, requests) => {
				const parts = requests[requests.length - 1].multipart ?? [];
				expect(parts.map((x) => x.name).sort()).toEqual(['Description', 'Name', 'PolicyFile']);
				expect(parts.find((x) => x.name === 'Name')?.data.toString()).toBe('n8n Created Policy');
				const file = parts.find((x) => x.name === 'PolicyFile')!;
				expect(file).toMatchObject({ filename: 'policy.xml', contentType: 'application/xml' });
				expect(items).toHaveLength(1);
				const id = items[0].json.id as string;
				expect(id).toMatch(/^[0-9a-f-]{36}$/);
				expect(sandbox.state.policies.find(id)).toMatchObject({ name: 'n8n Created Policy', description: 'Uploaded by n8n' });
				expect(sandbox.state.latestRevision(id)?.content.toString()).toBe(policyXml('n8n Created Policy'));
			},
		},
		{
			operation: 'update',
			prepare: (sandbox) => ({
				policyId: rl(addPolicy(sandbox, 'Rename Me Policy', 1).policy.id),
				additionalFields: { name: 'Renamed Policy', description: 'New description' },
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'PUT',
				path: `${API}/${idOf(p.policyId)}`,
				body: { name: 'Renamed Policy', description: 'New description' },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const id = requests[requests.length - 1].path.split('/').pop()!;
				expect(sandbox.state.policies.find(id)).toMatchObject({ name: 'Renamed Policy', description: 'New description' });
			},
		},
		{
			operation: 'delete',
			prepare: (sandbox) => ({ policyId: rl(addPolicy(sandbox, 'Delete Me Policy', 2).policy.id) }),
			expectRequest: (_sandbox, p) => ({ method: 'DELETE', path: `${API}/${idOf(p.policyId)}` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
				const id = requests[requests.length - 1].path.split('/').pop()!;
				expect(sandbox.state.policies.find(id)).toBeUndefined();
				expect(sandbox.state.revisionsOf(id)).toEqual([]);
			},
		},
		{
			operation: 'revert',
			prepare: (sandbox) => ({
				policyId: rl(addPolicy(sandbox, 'Locked Case Policy', 1, { checkedOutBy: 'admin@example.com', hasOpenDraft: true }).policy.id),
			}),
			expectRequest: (_sandbox, p) => ({ method: 'PATCH', path: `${API}/${idOf(p.policyId)}/Revert` }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				expect(policyNamed(sandbox, 'Locked Case Policy')).toMatchObject({ checkedOutBy: null, hasOpenDraft: false });
			},
		},
		{
			operation: 'uploadRevision',
			title: 'uploadRevision with auto assignment to the groups of the policy',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Upload Case Policy', 1);
				addGroupOn(sandbox, 'Upload Case Group', revisions[0]);
				return { policyId: rl(policy.id), additionalFields: { autoAssignToGroup: true } };
			},
			input: () => xmlItem(policyXml('Upload Case Policy r2')),
			expectRequest: (_sandbox, p) => ({ method: 'POST', path: `${API}/${idOf(p.policyId)}/Upload` }),
			expectOutput: (items, sandbox, requests) => {
				const parts = requests[requests.length - 1].multipart ?? [];
				expect(parts.find((x) => x.name === 'AutoAssignToGroup')?.data.toString()).toBe('true');
				expect(parts.find((x) => x.name === 'PolicyFile')).toMatchObject({ filename: 'policy.xml', contentType: 'application/xml' });
				const policy = policyNamed(sandbox, 'Upload Case Policy');
				const latest = sandbox.state.latestRevision(policy.id)!;
				expect(items.map((i) => i.json)).toEqual([{ id: latest.id }]);
				expect(latest.revision).toBe(2);
				expect(latest.content.toString()).toBe(policyXml('Upload Case Policy r2'));
				expect(sandbox.state.groups.all().find((g) => g.name === 'Upload Case Group')?.policyRevisionId).toBe(latest.id);
			},
		},
		{
			operation: 'uploadRevision',
			title: 'uploadRevision from another binary field, without auto assignment',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Upload Plain Case Policy', 1);
				addGroupOn(sandbox, 'Upload Plain Case Group', revisions[0]);
				return { policyId: rl(policy.id), binaryPropertyName: 'policyXml' };
			},
			input: () => xmlItem(policyXml('Upload Plain Case Policy r2'), 'policyXml'),
			expectRequest: (_sandbox, p) => ({ method: 'POST', path: `${API}/${idOf(p.policyId)}/Upload` }),
			expectOutput: (items, sandbox, requests) => {
				const parts = requests[requests.length - 1].multipart ?? [];
				expect(parts.find((x) => x.name === 'AutoAssignToGroup')?.data.toString() ?? 'false').toBe('false');
				const policy = policyNamed(sandbox, 'Upload Plain Case Policy');
				const [first, latest] = sandbox.state.revisionsOf(policy.id).sort((a, b) => a.revision - b.revision);
				expect(items.map((i) => i.json)).toEqual([{ id: latest.id }]);
				expect(sandbox.state.groups.all().find((g) => g.name === 'Upload Plain Case Group')?.policyRevisionId).toBe(first.id);
			},
		},
		{
			operation: 'downloadLatestRevision',
			prepare: (sandbox) => ({ policyId: rl(addPolicy(sandbox, 'Download Case Policy', 2).policy.id), binaryPropertyName: 'policyXml' }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${idOf(p.policyId)}/Content` }),
			expectOutput: (items) => {
				expect(items).toHaveLength(1);
				const expected = policyXml('Download Case Policy r2');
				expect(items[0].json).toEqual({ fileName: 'Download Case Policy.xml', mimeType: 'application/xml', fileSize: Buffer.byteLength(expected) });
				const binary = items[0].binary!.policyXml;
				expect(binary).toMatchObject({ fileName: 'Download Case Policy.xml', mimeType: 'application/xml' });
				expect(Buffer.from(binary.data, 'base64').toString()).toBe(expected);
			},
		},
		{
			operation: 'getRevisions',
			prepare: (sandbox) => ({ policyId: rl(addPolicy(sandbox, 'Revisions Case Policy', 3).policy.id) }),
			parameters: { returnAll: true },
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${idOf(p.policyId)}/Revisions` }),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.revision)).toEqual([3, 2, 1]);
				expect(items[0].json).toMatchObject({ isLatest: true, comment: 'Revision 3' });
			},
		},
		{
			operation: 'getRevisions',
			title: 'getRevisions with a limit',
			prepare: (sandbox) => ({ policyId: rl(addPolicy(sandbox, 'Revisions Limit Case Policy', 3).policy.id) }),
			parameters: { returnAll: false, limit: 2 },
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${idOf(p.policyId)}/Revisions` }),
			expectOutput: (items) => expect(items.map((i) => i.json.revision)).toEqual([3, 2]),
		},
		{
			operation: 'downloadRevision',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Download Revision Case Policy', 3);
				return { policyId: { __rl: true, mode: 'id', value: policy.id }, policyRevisionId: { __rl: true, mode: 'id', value: revisions[0].id } };
			},
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/Revisions/${(p.policyRevisionId as { value: string }).value}/Content` }),
			expectOutput: (items, _sandbox, requests) => {
				expect(requests[requests.length - 1].query).toEqual([]); // the policy only feeds the revision list
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ fileName: 'Download Revision Case Policy.xml', mimeType: 'application/xml' });
				const binary = items[0].binary!.data;
				expect(binary.mimeType).toBe('application/xml');
				expect(Buffer.from(binary.data, 'base64').toString()).toBe(policyXml('Download Revision Case Policy r1'));
			},
		},
		{
			operation: 'getAssignedGroups',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Assigned Case Policy', 2);
				addGroupOn(sandbox, 'Assigned Case Group A', revisions[1]);
				addGroupOn(sandbox, 'Assigned Case Group B', revisions[0]);
				return { policyId: rl(policy.id), returnAll: true };
			},
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${idOf(p.policyId)}/AssignedGroups` }),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.name).sort()).toEqual(['Assigned Case Group A', 'Assigned Case Group B']);
				const b = items.find((i) => i.json.name === 'Assigned Case Group B')!;
				expect(b.json).toMatchObject({ policyRevision: 1, policyRevisionStatus: 'NewerRevisionAvailable' });
			},
		},
	],
};
