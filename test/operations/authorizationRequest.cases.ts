import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { TagCases } from './types';

const API = '/management-api/v3/AuthorizationRequest';

const pending = (sandbox: Sandbox) => sandbox.state.addAuthorizationRequests(1, { decision: 'Pending' })[0];

export const cases: TagCases = {
	tag: 'AuthorizationRequest',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany most recently modified first, limited',
			parameters: { returnAll: false, limit: 5, sort: { rules: [{ by: 'modified', order: 'desc' }] } },
			expectRequest: () => ({
				method: 'GET',
				path: API,
				query: [
					['Sorts[0].by', 'modified'],
					['Sorts[0].order', 'desc'],
					['Pagination.PageNumber', '1'],
					['Pagination.PageSize', '5'],
				],
			}),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(5);
				const modified = items.map((i) => String(i.json.modified));
				expect(modified).toEqual([...modified].sort().reverse());
				const newest = [...sandbox.state.authorizationRequests.all()].map((r) => r.modified).sort().reverse();
				expect(modified[0]).toBe(newest[0]);
			},
		},
		{
			operation: 'getMany',
			title: 'getMany all pages',
			parameters: { returnAll: true },
			expectRequest: () => ({ method: 'GET', path: API, query: [['Pagination.PageNumber', '1']] }),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => i.json.id)).toEqual(
					[...sandbox.state.authorizationRequests.all()].sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0)).map((r) => r.id),
				);
			},
		},
		{
			operation: 'get',
			title: 'get by the ITSM system ID',
			prepare: (sandbox) => ({ requestId: sandbox.state.authorizationRequests.all()[0].systemId }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${p.requestId}` }),
			expectOutput: (items, sandbox) => {
				const request = sandbox.state.authorizationRequests.all()[0];
				expect(items).toHaveLength(1);
				expect(items[0].json.id).toBe(request.id);
				expect((items[0].json.serviceTicket as IDataObject).systemId).toBe(request.systemId);
			},
		},
		{
			operation: 'sendDecision',
			title: 'sendDecision denies a pending request',
			prepare: (sandbox) => {
				const request = pending(sandbox);
				return {
					itsmRequestId: request.ticketId,
					systemId: request.systemId,
					ticketId: request.ticketId,
					ticketUrl: request.serviceTicket.url,
				};
			},
			parameters: {
				status: '2001',
				decision: 'Denied',
				decisionPerformedByUser: 'approver@example.com',
				decisionTime: '2026-01-31 08:00:00',
				duration: 'Once',
				message: 'Not approved: use the software portal',
			},
			expectRequest: (_sandbox, p) => ({
				method: 'POST',
				path: `${API}/notification`,
				body: {
					itsmRequestId: p.itsmRequestId,
					status: '2001',
					decision: 'Denied',
					decisionPerformedByUser: 'approver@example.com',
					decisionTime: '2026-01-31 08:00:00',
					duration: 'Once',
					message: 'Not approved: use the software portal',
					systemId: p.systemId,
					ticketId: p.ticketId,
					ticketUrl: p.ticketUrl,
				},
			}),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const systemId = (requests[requests.length - 1].body as IDataObject).systemId;
				const request = sandbox.state.authorizationRequests.all().find((r) => r.systemId === systemId)!;
				expect(request.accessDecision).toMatchObject({ status: '2001', decision: 'Denied', duration: 'Once' });
			},
		},
		{
			operation: 'sendDecision',
			title: 'sendDecision approves, with the decision time defaulting to now',
			prepare: (sandbox) => {
				const request = pending(sandbox);
				return { itsmRequestId: request.ticketId, systemId: request.systemId, ticketId: request.ticketId, ticketUrl: request.serviceTicket.url };
			},
			parameters: {
				status: '2000',
				decision: 'Approved',
				decisionPerformedByUser: 'approver@example.com',
				duration: '60',
				message: 'Approved for one hour',
			},
			expectRequest: () => ({ method: 'POST', path: `${API}/notification` }),
			expectOutput: (items, sandbox, requests) => {
				expect(items.map((i) => i.json)).toEqual([{ success: true }]);
				const body = requests[requests.length - 1].body as IDataObject;
				expect(body.decisionTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
				expect(Math.abs(Date.parse(`${String(body.decisionTime).replace(' ', 'T')}Z`) - Date.now())).toBeLessThan(60_000);
				const request = sandbox.state.authorizationRequests.all().find((r) => r.systemId === body.systemId)!;
				expect(request.accessDecision).toMatchObject({ status: '2000', decision: 'Approved' });
			},
		},
	],
};
