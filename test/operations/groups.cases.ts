import { randomUUID } from 'crypto';

import type { Sandbox } from '../sandbox';
import type { Computer, Group, PolicyRevision } from '../sandbox/models';
import { addPolicy, rl } from './helpers';
import type { TagCases } from './types';

const API = '/management-api/v3/Groups';

/** A group only this case uses, so cases do not depend on each other (or on other tags' cases). */
function addGroup(sandbox: Sandbox, name: string, extra: Partial<Group> = {}): Group {
	return sandbox.state.groups.add({
		id: randomUUID(),
		name,
		description: `${name} description`,
		isDefault: false,
		created: new Date().toISOString(),
		policyId: null,
		policyRevisionId: null,
		...extra,
	})[0];
}

function onRevision(group: Group, revision: PolicyRevision): Group {
	group.policyId = revision.policyId;
	group.policyRevisionId = revision.id;
	return group;
}

function addComputers(sandbox: Sandbox, n: number, groupId: string | null = null): Computer[] {
	return sandbox.state.addComputers(n, { authorisationState: 'Authorised', groupId });
}

let previousDefault: string | undefined;

export const cases: TagCases = {
	tag: 'Groups',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with a name filter, a created date range and a sort',
			prepare: (sandbox) => {
				if (!sandbox.state.groups.all().some((g) => g.name === 'Zeta Case Group A')) {
					addGroup(sandbox, 'Zeta Case Group A', { created: '2021-03-15T10:00:00.000Z' });
					addGroup(sandbox, 'Zeta Case Group B', { created: '2021-03-16T10:00:00.000Z' });
					addGroup(sandbox, 'Zeta Case Group C', { created: '2022-01-01T10:00:00.000Z' });
				}
				return {};
			},
			parameters: {
				returnAll: true,
				filters: { name: 'Zeta Case', createdAfter: '2021-03-01T00:00:00Z', createdBefore: '2021-03-31T23:59:59Z' },
				sort: { rules: [{ by: 'name', order: 'desc' }] },
			},
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.Name', 'Zeta Case'],
					['Filter.Created.Dates', '2021-03-01T00:00:00.000Z'],
					['Filter.Created.Dates', '2021-03-31T23:59:59.000Z'],
					['Filter.Created.SelectionMode', 'Range'],
					['Sorts[0].by', 'name'],
					['Sorts[0].order', 'desc'],
				],
			}),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.name)).toEqual(['Zeta Case Group B', 'Zeta Case Group A']);
				expect(items[0].json).toMatchObject({ computerCount: 0, policyRevisionStatus: 'NoPolicyAssigned' });
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with a computer count comparison and a limit',
			parameters: {
				returnAll: false,
				limit: 2,
				filters: { computerCountValue: 0, computerCountOperator: 'GreaterThanOrEquals' },
				sort: { rules: [{ by: 'created', order: 'asc' }] },
			},
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.ComputerCount.Value', '0'],
					['Filter.ComputerCount.Operator', 'GreaterThanOrEquals'],
					['Sorts[0].by', 'created'],
				],
			}),
			expectOutput: (items) => {
				expect(items).toHaveLength(2);
				expect(String(items[0].json.created) <= String(items[1].json.created)).toBe(true);
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ groupId: rl(addGroup(sandbox, 'Get Case Group').id) }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${(p.groupId as { value: string }).value}` }),
			expectOutput: (items) => {
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ name: 'Get Case Group', description: 'Get Case Group description', isDefault: false });
			},
		},
		{
			operation: 'create',
			parameters: { name: 'n8n Created Group', additionalFields: { description: 'Made by n8n', isDefault: false } },
			expectRequest: () => ({
				method: 'POST',
				path: API,
				body: { name: 'n8n Created Group', description: 'Made by n8n', isDefault: false },
			}),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(1);
				const id = items[0].json.id as string;
				expect(id).toMatch(/^[0-9a-f-]{36}$/);
				expect(sandbox.state.groups.find(id)).toMatchObject({ name: 'n8n Created Group', description: 'Made by n8n' });
			},
		},
		{
			operation: 'update',
			prepare: (sandbox) => ({
				groupId: rl(addGroup(sandbox, 'Rename Me Group').id),
				additionalFields: { name: 'Renamed Group', description: 'New description' },
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'PUT',
				path: API,
				body: { id: (p.groupId as { value: string }).value, name: 'Renamed Group', description: 'New description' },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const id = (requests[requests.length - 1].body as { id: string }).id;
				expect(sandbox.state.groups.find(id)).toMatchObject({ name: 'Renamed Group', description: 'New description' });
			},
		},
		{
			operation: 'delete',
			prepare: (sandbox) => ({ groupId: rl(addGroup(sandbox, 'Delete Me Group').id) }),
			expectRequest: (_sandbox, p) => ({ method: 'DELETE', path: `${API}/${(p.groupId as { value: string }).value}` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ deleted: true }]);
				const id = requests[requests.length - 1].path.split('/').pop()!;
				expect(sandbox.state.groups.find(id)).toBeUndefined();
			},
		},
		{
			operation: 'markAsDefault',
			prepare: (sandbox) => {
				previousDefault = sandbox.state.groups.all().find((g) => g.isDefault)?.id;
				return { groupId: rl(addGroup(sandbox, 'Default Candidate Group').id) };
			},
			expectRequest: (_sandbox, p) => ({ method: 'PATCH', path: `${API}/${(p.groupId as { value: string }).value}/MarkAsDefault` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const id = requests[requests.length - 1].path.split('/')[4];
				expect(sandbox.state.groups.all().filter((g) => g.isDefault).map((g) => g.id)).toEqual([id]);
				// Put the tenant's default back for the other cases.
				for (const g of sandbox.state.groups.all()) g.isDefault = g.id === previousDefault;
			},
		},
		{
			operation: 'autoAssignPolicyRevision',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Auto Assign Case Policy', 3);
				onRevision(addGroup(sandbox, 'Auto Assign Case Group'), revisions[0]);
				return { additionalFields: { policyId: policy.id } };
			},
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/AutoAssignPolicyRevision`,
				body: { policyId: (p.additionalFields as { policyId: string }).policyId },
			}),
			expectOutput: (items, sandbox) => {
				const policy = sandbox.state.policies.all().find((x) => x.name === 'Auto Assign Case Policy')!;
				const latest = sandbox.state.latestRevision(policy.id)!;
				expect(latest.revision).toBe(3);
				expect(items.map((i) => i.json)).toEqual([{ id: latest.id }]);
				expect(sandbox.state.groups.all().find((g) => g.name === 'Auto Assign Case Group')?.policyRevisionId).toBe(latest.id);
			},
		},
		{
			operation: 'assignPolicyRevision',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Assign Case Policy', 2);
				const group = addGroup(sandbox, 'Assign Revision Case Group');
				return { groupId: rl(group.id), policyId: rl(policy.id), policyRevisionId: rl(revisions[0].id) };
			},
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/${(p.groupId as { value: string }).value}/AssignPolicyRevision`,
				body: { policyRevisionId: (p.policyRevisionId as { value: string }).value },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const id = requests[requests.length - 1].path.split('/')[4];
				const body = requests[requests.length - 1].body as { policyRevisionId: string };
				expect(sandbox.state.groups.find(id)).toMatchObject({ policyRevisionId: body.policyRevisionId });
			},
		},
		{
			operation: 'assignPolicyRevisionToMany',
			prepare: (sandbox) => {
				const { policy, revisions } = addPolicy(sandbox, 'Assign Many Case Policy', 2);
				const a = addGroup(sandbox, 'Assign Many Case Group A');
				const b = addGroup(sandbox, 'Assign Many Case Group B');
				return { groupIds: `${a.id}, ${b.id}`, policyId: rl(policy.id), policyRevisionId: rl(revisions[1].id) };
			},
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/AssignPolicyRevision`,
				body: {
					groupIds: String(p.groupIds).split(', '),
					policyRevisionId: (p.policyRevisionId as { value: string }).value,
				},
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const body = requests[requests.length - 1].body as { groupIds: string[]; policyRevisionId: string };
				for (const id of body.groupIds) expect(sandbox.state.groups.find(id)?.policyRevisionId).toBe(body.policyRevisionId);
			},
		},
		{
			operation: 'clearPolicy',
			prepare: (sandbox) => {
				const { revisions } = addPolicy(sandbox, 'Clear Case Policy', 1);
				return { groupId: rl(onRevision(addGroup(sandbox, 'Clear Case Group'), revisions[0]).id) };
			},
			expectRequest: (_sandbox, p) => ({ method: 'PATCH', path: `${API}/${(p.groupId as { value: string }).value}/ClearPolicy` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const id = requests[requests.length - 1].path.split('/')[4];
				expect(sandbox.state.groups.find(id)).toMatchObject({ policyId: null, policyRevisionId: null });
			},
		},
		{
			operation: 'clearPolicyOfMany',
			prepare: (sandbox) => {
				const { revisions } = addPolicy(sandbox, 'Clear Many Case Policy', 1);
				const a = onRevision(addGroup(sandbox, 'Clear Many Case Group A'), revisions[0]);
				const b = onRevision(addGroup(sandbox, 'Clear Many Case Group B'), revisions[0]);
				return { groupIds: [a.id, b.id].join(',') };
			},
			expectRequest: (_sandbox, p) => ({ method: 'POST', path: `${API}/ClearPolicy`, body: { groupIds: String(p.groupIds).split(',') } }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				for (const id of (requests[requests.length - 1].body as { groupIds: string[] }).groupIds) {
					expect(sandbox.state.groups.find(id)?.policyId).toBeNull();
				}
			},
		},
		{
			operation: 'assignComputers',
			prepare: (sandbox) => {
				const group = addGroup(sandbox, 'Assign Computers Case Group');
				const computers = addComputers(sandbox, 2);
				return { groupId: rl(group.id), computerIds: computers.map((c) => c.id).join(', ') };
			},
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/${(p.groupId as { value: string }).value}/AssignComputers`,
				body: { computerIds: String(p.computerIds).split(', ') },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const last = requests[requests.length - 1];
				const groupId = last.path.split('/')[4];
				for (const id of (last.body as { computerIds: string[] }).computerIds) expect(sandbox.state.computers.find(id)?.groupId).toBe(groupId);
			},
		},
		{
			operation: 'assignComputersByCsv',
			prepare: (sandbox) => ({ groupId: rl(addGroup(sandbox, 'CSV Case Group').id) }),
			input: (sandbox) => {
				const hosts = addComputers(sandbox, 2).map((c) => c.host);
				const csv = `host\r\n${hosts.join('\r\n')}\r\n`;
				return [
					{
						json: {},
						binary: { data: { data: Buffer.from(csv).toString('base64'), mimeType: 'text/csv', fileName: 'computers.csv' } },
					},
				];
			},
			expectRequest: (_sandbox, p) => ({ method: 'POST', path: `${API}/${(p.groupId as { value: string }).value}/AssignComputersByCsv` }),
			expectOutput: (items, sandbox, requests) => {
				const last = requests[requests.length - 1];
				const part = last.multipart?.find((x) => x.name === 'csvFile');
				expect(part?.filename).toBe('computers.csv');
				expect(part?.contentType).toBe('text/csv');
				const groupId = last.path.split('/')[4];
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ groupId, rows: 2, assignedComputers: 2, notFound: [] });
				expect(sandbox.state.computers.all().filter((c) => c.groupId === groupId)).toHaveLength(2);
			},
		},
		{
			operation: 'unassignComputers',
			prepare: (sandbox) => {
				const group = addGroup(sandbox, 'Unassign Case Group');
				const [computer] = addComputers(sandbox, 1, group.id);
				return { computerIds: computer.id, additionalFields: { groupId: group.id } };
			},
			expectRequest: (_sandbox, p) => {
				const fields = { computerIds: String(p.computerIds), groupId: String((p.additionalFields as { groupId: string }).groupId) };
				return {
					method: 'POST',
					path: `${API}/UnassignComputers`,
					body: { selectionComputerIds: [fields.computerIds], groupId: fields.groupId },
				};
			},
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const body = requests[requests.length - 1].body as { selectionComputerIds: string[] };
				expect(sandbox.state.computers.find(body.selectionComputerIds[0])?.groupId).toBeNull();
			},
		},
	],
};
