import type { IDataObject } from 'n8n-workflow';

import { rl } from './helpers';
import type { TagCases } from './types';

const API = '/management-api/v3/AdminAccessRequest';

export const cases: TagCases = {
	tag: 'AdminAccessRequest',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany pending requests, newest first',
			parameters: {
				returnAll: true,
				filters: { decision: 'Pending' },
				sort: { rules: [{ by: 'created', order: 'desc' }] },
			},
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.Decision', 'Pending'],
					['Sorts[0].by', 'created'],
					['Sorts[0].order', 'desc'],
				],
			}),
			expectOutput: (items, sandbox) => {
				const pending = sandbox.state.adminAccessRequests.all().filter((r) => r.decision === 'Pending');
				expect(pending.length).toBeGreaterThan(0);
				expect(items.map((i) => i.json.id).sort()).toEqual(pending.map((r) => r.id).sort());
				const created = items.map((i) => String(i.json.created));
				expect(created).toEqual([...created].sort().reverse());
			},
		},
		{
			operation: 'getMany',
			title: 'getMany of one computer, active only, created since a date',
			prepare: (sandbox) => {
				const computer = sandbox.state.computers.all().find((c) => c.authorisationState === 'Authorised')!;
				sandbox.state.addAdminAccessRequests(2, { decision: 'Pending', computerId: computer.id, created: '2026-03-01T10:00:00.000Z' });
				return {
					returnAll: true,
					filters: { computerId: computer.id, activeOnly: true, created: '2026-03-01T00:00:00.000Z' },
				};
			},
			expectRequest: (_sandbox, p) => ({
				method: 'GET',
				path: API,
				query: [
					['Filter.Created', '2026-03-01T00:00:00.000Z'],
					['Filter.ActiveOnly', 'true'],
					['Filter.ComputerId', (p.filters as IDataObject).computerId as string],
				],
			}),
			expectOutput: (items, _sandbox, requests) => {
				const computerId = requests[requests.length - 1].query.find(([k]) => k === 'Filter.ComputerId')![1];
				expect(items.length).toBeGreaterThanOrEqual(2);
				for (const item of items) {
					expect(item.json.computerId).toBe(computerId);
					expect(item.json.active).toBe(true);
					expect(String(item.json.created) >= '2026-03-01').toBe(true);
				}
			},
		},
		{
			operation: 'get',
			title: 'get splits the one-element array into an item',
			prepare: (sandbox) => ({ requestId: sandbox.state.adminAccessRequests.all()[0].id }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${p.requestId}` }),
			expectOutput: (items, sandbox) => {
				const request = sandbox.state.adminAccessRequests.all()[0];
				expect(items).toHaveLength(1);
				expect(items[0].json.id).toBe(request.id);
				expect(items[0].json.userName).toBe(request.userName);
			},
		},
		{
			operation: 'create',
			title: 'create an already approved request on behalf of a user',
			prepare: (sandbox) => ({ computerId: rl(sandbox.state.computers.all()[0].id) }),
			parameters: {
				userName: 'CONTOSO\\jdoe',
				duration: '1800',
				additionalFields: {
					reason: 'Install the printer driver',
					decision: 'Approved',
					decisionTime: '2026-01-31T08:00:00Z',
					decisionPerformedByUser: 'approver@example.com',
					ticketId: 'INC0012345',
				},
			},
			expectRequest: (sandbox) => ({
				method: 'POST',
				path: API,
				body: {
					computerId: sandbox.state.computers.all()[0].id,
					userName: 'CONTOSO\\jdoe',
					duration: '1800',
					reason: 'Install the printer driver',
					decision: 'Approved',
					decisionTime: '2026-01-31T08:00:00.000Z',
					decisionPerformedByUser: 'approver@example.com',
					ticketId: 'INC0012345',
				},
			}),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(1);
				const created = sandbox.state.adminAccessRequests.find(items[0].json.id as string)!;
				expect(created).toBeDefined();
				expect(created.decision).toBe('Approved');
				expect(created.decisionPerformedByUser).toBe('approver@example.com');
				expect(created.duration).toBe('1800');
			},
		},
		{
			operation: 'decide',
			title: 'deny a pending request',
			prepare: (sandbox) => ({ requestId: sandbox.state.addAdminAccessRequests(1, { decision: 'Pending' })[0].id }),
			parameters: {
				decision: 'Denied',
				decisionPerformedByUser: 'approver@example.com',
				additionalFields: { message: 'Use the software portal instead', ticketId: 'INC0054321' },
			},
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/decision`,
				body: {
					requestId: p.requestId,
					decision: 'Denied',
					decisionPerformedByUser: 'approver@example.com',
					message: 'Use the software portal instead',
					ticketId: 'INC0054321',
				},
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const request = sandbox.state.adminAccessRequests.find((requests[requests.length - 1].body as IDataObject).requestId as string)!;
				expect(request.decision).toBe('Denied');
				expect(request.message).toBe('Use the software portal instead');
			},
		},
		{
			operation: 'decide',
			title: 'approve a pending request for one hour',
			prepare: (sandbox) => ({ requestId: sandbox.state.addAdminAccessRequests(1, { decision: 'Pending' })[0].id }),
			parameters: { decision: 'Approved', decisionPerformedByUser: 'approver@example.com', additionalFields: { duration: '3600' } },
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/decision`,
				body: { requestId: p.requestId, decision: 'Approved', decisionPerformedByUser: 'approver@example.com', duration: '3600' },
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const request = sandbox.state.adminAccessRequests.find((requests[requests.length - 1].body as IDataObject).requestId as string)!;
				expect(request.decision).toBe('Approved');
				expect(request.duration).toBe('3600');
			},
		},
	],
};
