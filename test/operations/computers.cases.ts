import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { Computer } from '../sandbox/models';
import { rl } from './helpers';
import type { TagCases } from './types';

const API = '/management-api/v3/Computers';
const UUID = /^[0-9a-f-]{36}$/i;

/** Computers only this case uses, so cases do not depend on each other. */
const fresh = (sandbox: Sandbox, n: number, state = 'Authorised'): Computer[] =>
	sandbox.state.addComputers(n, { authorisationState: state } as never);

const selection = (ids: string[]) => ({ computerIds: ids.join(', ') });

export const cases: TagCases = {
	tag: 'Computers',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with host and state filters, a last-connected range and a sort',
			prepare: (sandbox) => {
				const [a, b] = fresh(sandbox, 2);
				a.host = 'CASE-HOST-ALPHA';
				b.host = 'CASE-HOST-BETA';
				a.lastConnected = '2026-02-10T08:00:00.000Z';
				b.lastConnected = '2026-02-11T08:00:00.000Z';
				return {};
			},
			parameters: {
				returnAll: true,
				filters: { host: 'CASE-HOST-', state: 'Authorised', lastConnectedAfter: '2026-02-01T00:00:00Z', lastConnectedBefore: '2026-02-28T00:00:00Z' },
				sort: { rules: [{ by: 'host', order: 'desc' }] },
			},
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.Host', 'CASE-HOST-'],
					['Filter.State', 'Authorised'],
					['Filter.LastConnected.Dates', '2026-02-01T00:00:00.000Z'],
					['Filter.LastConnected.Dates', '2026-02-28T00:00:00.000Z'],
					['Filter.LastConnected.SelectionMode', 'Range'],
					['Sorts[0].by', 'host'],
					['Sorts[0].order', 'desc'],
				],
			}),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.host)).toEqual(['CASE-HOST-BETA', 'CASE-HOST-ALPHA']);
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ computerId: rl(fresh(sandbox, 1)[0].id) }),
			expectRequest: (_s, p) => ({ method: 'GET', path: `${API}/${(p.computerId as IDataObject).value}` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items).toHaveLength(1);
				expect(items[0].json.id).toBe(requests[0].path.split('/').pop());
				expect(items[0].json.endpointInformation).toBeDefined();
			},
		},
		{
			operation: 'delete',
			prepare: (sandbox) => selection(fresh(sandbox, 2).map((c) => c.id)),
			expectRequest: (_s, p) => ({ method: 'DELETE', path: API, body: { computerIds: String(p.computerIds).split(', ') } }),
			expectOutput: (items, sandbox, requests) => {
				expect(items[0].json.deleted).toBe(true);
				expect(String(items[0].json.taskId)).toMatch(UUID);
				for (const id of (requests[0].body as IDataObject).computerIds as string[]) expect(sandbox.state.computers.find(id)).toBeUndefined();
			},
		},
		{
			operation: 'authorise',
			prepare: (sandbox) => {
				const group = sandbox.state.groups.all()[0];
				return { ...selection(fresh(sandbox, 2, 'Pending').map((c) => c.id)), additionalFields: { groupId: group.id } };
			},
			expectRequest: (sandbox, p) => ({
				method: 'POST',
				path: `${API}/Authorise`,
				body: { computerIds: String(p.computerIds).split(', '), groupId: (p.additionalFields as IDataObject).groupId },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items[0].json).toEqual({ success: true });
				for (const id of (requests[0].body as IDataObject).computerIds as string[]) {
					expect(sandbox.state.computers.find(id)?.authorisationState).toBe('Authorised');
				}
			},
		},
		{
			operation: 'authorise',
			title: 'authorise all pending computers matching a filter, except one',
			prepare: (sandbox) => {
				const [keep, skip] = fresh(sandbox, 2, 'Pending');
				keep.host = 'CASE-FILTER-KEEP';
				skip.host = 'CASE-FILTER-SKIP';
				return { additionalFields: { allComputers: true, excludedComputerIds: skip.id, computerFilter: '{"host": "CASE-FILTER-"}' } };
			},
			expectRequest: (_s, p) => ({
				method: 'POST',
				path: `${API}/Authorise`,
				body: {
					allComputers: true,
					excludedComputerIds: [(p.additionalFields as IDataObject).excludedComputerIds],
					filter: { host: 'CASE-FILTER-' },
				},
			}),
			expectOutput: (_items, sandbox) => {
				const byHost = (host: string) => sandbox.state.computers.all().find((c) => c.host === host)!;
				expect(byHost('CASE-FILTER-KEEP').authorisationState).toBe('Authorised');
				expect(byHost('CASE-FILTER-SKIP').authorisationState).toBe('Pending');
			},
		},
		{
			operation: 'deactivate',
			prepare: (sandbox) => selection(fresh(sandbox, 1).map((c) => c.id)),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/Deactivate`, body: { computerIds: [p.computerIds] } }),
			expectOutput: (items) => {
				expect(items[0].json).toEqual({ success: true });
			},
		},
		{
			operation: 'reject',
			prepare: (sandbox) => selection(fresh(sandbox, 1, 'Pending').map((c) => c.id)),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/Reject`, body: { computerIds: [p.computerIds] } }),
			expectOutput: (_items, sandbox, requests) => {
				const id = ((requests[0].body as IDataObject).computerIds as string[])[0];
				expect(sandbox.state.computers.find(id)?.authorisationState).toBe('Rejected');
			},
		},
		{
			operation: 'renewCertificate',
			prepare: (sandbox) => selection(fresh(sandbox, 2).map((c) => c.id)),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/RenewCertificate`, body: { computerIds: String(p.computerIds).split(', ') } }),
			expectOutput: (items, sandbox) => {
				expect(items[0].json.success).toBe(true);
				expect(sandbox.state.tasks.find(String(items[0].json.taskId))).toBeDefined();
			},
		},
		{
			operation: 'retrieveLogs',
			prepare: (sandbox) => ({ computerId: rl(fresh(sandbox, 1)[0].id) }),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/${(p.computerId as IDataObject).value}/RetrieveLogs` }),
			expectOutput: (items) => {
				expect(String(items[0].json.taskId)).toMatch(UUID);
			},
		},
		{
			operation: 'retrieveStatusInfo',
			prepare: (sandbox) => selection(fresh(sandbox, 1).map((c) => c.id)),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/RetrieveStatusInfo`, body: { computerIds: [p.computerIds] } }),
			expectOutput: (items) => {
				expect(String(items[0].json.taskId)).toMatch(UUID);
			},
		},
		{
			operation: 'getCommandLogs',
			prepare: (sandbox) => {
				const id = fresh(sandbox, 1)[0].id;
				sandbox.state.commandLogs.add({ id: '0f6b1d2e-0000-4000-8000-00000000c0de', computerId: id, command: 'RetrieveLogs', created: new Date().toISOString(), createdBy: 'case', taskId: null } as never);
				return { computerId: rl(id), returnAll: true };
			},
			expectRequest: (_s, p) => ({ method: 'GET', path: `${API}/${(p.computerId as IDataObject).value}/CommandLogs` }),
			expectOutput: (items) => {
				expect(items.map((i) => i.json.command)).toEqual(['RetrieveLogs']);
			},
		},
		{
			operation: 'getLogs',
			prepare: (sandbox) => {
				const computer = fresh(sandbox, 1)[0];
				sandbox.state.computerLogs.add(sandbox.state.newLog(sandbox.state.rng, computer, Date.now(), null));
				return { computerId: rl(computer.id), limit: 5 };
			},
			expectRequest: (_s, p) => ({ method: 'GET', path: `${API}/${(p.computerId as IDataObject).value}/Logs` }),
			expectOutput: (items) => {
				expect(items.length).toBeGreaterThanOrEqual(1);
				expect(String(items[0].json.fileName)).toMatch(/\.zip$/);
			},
		},
		{
			operation: 'downloadLog',
			prepare: (sandbox) => {
				const computer = fresh(sandbox, 1)[0];
				const log = sandbox.state.computerLogs.add(sandbox.state.newLog(sandbox.state.rng, computer, Date.now(), null))[0];
				return { computerId: rl(computer.id), logId: log.id, binaryPropertyName: 'logFile' };
			},
			expectRequest: (_s, p) => ({ method: 'GET', path: `${API}/${(p.computerId as IDataObject).value}/Logs/${p.logId}/Download` }),
			expectOutput: (items) => {
				const binary = items[0].binary!.logFile;
				expect(binary.fileName).toMatch(/\.zip$/);
				expect(binary.mimeType).toBe(items[0].json.mimeType);
				expect(Number(items[0].json.fileSize)).toBeGreaterThan(0);
				expect(Buffer.from(binary.data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
			},
		},
		{
			operation: 'archive',
			prepare: (sandbox) => ({ computerId: rl(fresh(sandbox, 1)[0].id) }),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/${(p.computerId as IDataObject).value}/Archive` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items[0].json).toEqual({ success: true });
				expect(sandbox.state.computers.find(requests[0].path.split('/')[4])?.archived).toBe(true);
			},
		},
		{
			operation: 'unarchive',
			prepare: (sandbox) => {
				const computer = fresh(sandbox, 1)[0];
				computer.archived = true;
				return { computerId: rl(computer.id) };
			},
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/${(p.computerId as IDataObject).value}/Unarchive` }),
			expectOutput: (_items, sandbox, requests) => {
				expect(sandbox.state.computers.find(requests[0].path.split('/')[4])?.archived).toBe(false);
			},
		},
		{
			operation: 'archiveMany',
			prepare: (sandbox) => selection(fresh(sandbox, 3).map((c) => c.id)),
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/Archive`, body: { computerIds: String(p.computerIds).split(', ') } }),
			expectOutput: (_items, sandbox, requests) => {
				for (const id of (requests[0].body as IDataObject).computerIds as string[]) expect(sandbox.state.computers.find(id)?.archived).toBe(true);
			},
		},
		{
			operation: 'unarchiveMany',
			prepare: (sandbox) => {
				const computers = fresh(sandbox, 2);
				for (const c of computers) c.archived = true;
				return selection(computers.map((c) => c.id));
			},
			expectRequest: (_s, p) => ({ method: 'POST', path: `${API}/Unarchive`, body: { computerIds: String(p.computerIds).split(', ') } }),
			expectOutput: (_items, sandbox, requests) => {
				for (const id of (requests[0].body as IDataObject).computerIds as string[]) expect(sandbox.state.computers.find(id)?.archived).toBe(false);
			},
		},
	],
};
