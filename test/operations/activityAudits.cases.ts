import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { TagCases } from './types';

const API = '/management-api/v3/ActivityAudits';

/** Audit `created` has 7 fractional digits and no zone (UTC). */
const msOf = (created: unknown) => Date.parse(`${String(created).slice(0, 23)}Z`);

/** A window over the seeded audits (30, oldest first): from the 6th to the 21st. */
function window(sandbox: Sandbox) {
	const seeded = sandbox.state.activityAudits.all();
	return {
		after: new Date(msOf(seeded[5].created)).toISOString(),
		before: new Date(msOf(seeded[20].created) + 1).toISOString(),
	};
}

export const cases: TagCases = {
	tag: 'ActivityAudits',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany with a filter, a created range and a sort',
			prepare: (sandbox) => {
				const { after, before } = window(sandbox);
				return {
					returnAll: true,
					filters: { changedBy: 'Portal', createdAfter: after, createdBefore: before },
					sort: { rules: [{ by: 'created', order: 'desc' }] },
				};
			},
			expectRequest: (_sandbox, p) => {
				const filters = p.filters as IDataObject;
				return {
					method: 'GET',
					path: API,
					query: [
						['Filter.ChangedBy', 'Portal'],
						['Filter.Created.Dates', filters.createdAfter as string],
						['Filter.Created.Dates', filters.createdBefore as string],
						['Filter.Created.SelectionMode', 'Range'],
						['Sorts[0].by', 'created'],
						['Sorts[0].order', 'desc'],
					],
				};
			},
			expectOutput: (items, sandbox) => {
				const { after, before } = window(sandbox);
				const [from, to] = [Date.parse(after), Date.parse(before)];
				const expected = sandbox.state.activityAudits
					.all()
					.filter((a) => a.changedBy === 'Portal' && msOf(a.created) >= from && msOf(a.created) <= to);
				expect(expected.length).toBeGreaterThan(0);
				expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((a) => a.id).sort());
				const created = items.map((i) => String(i.json.created));
				expect(created).toEqual([...created].sort().reverse());
				for (const item of items) expect(item.json.changedBy).toBe('Portal');
			},
		},
		{
			operation: 'getMany',
			title: 'getMany with text filters and a limit',
			prepare: (sandbox) => {
				const audit = sandbox.state.activityAudits.all()[0];
				return { returnAll: false, limit: 3, filters: { entity: audit.entity, auditType: audit.auditType } };
			},
			expectRequest: (_sandbox, p) => {
				const filters = p.filters as IDataObject;
				return {
					method: 'GET',
					path: API,
					query: [
						['Filter.Entity', filters.entity as string],
						['Filter.AuditType', filters.auditType as string],
						['Pagination.PageNumber', '1'],
						['Pagination.PageSize', '3'],
					],
				};
			},
			expectOutput: (items, sandbox) => {
				const audit = sandbox.state.activityAudits.all()[0];
				expect(items.length).toBeGreaterThan(0);
				expect(items.length).toBeLessThanOrEqual(3);
				for (const item of items) {
					expect(String(item.json.entity).toLowerCase()).toContain(audit.entity.toLowerCase());
					expect(item.json.auditType).toBe(audit.auditType);
				}
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ activityAuditId: sandbox.state.activityAudits.all()[2].id }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${p.activityAuditId}` }),
			expectOutput: (items, sandbox) => {
				const audit = sandbox.state.activityAudits.all()[2];
				expect(items).toHaveLength(1);
				expect(items[0].json.id).toBe(audit.id);
				expect(items[0].json[audit.dataAuditing.field]).toBeDefined();
			},
		},
		{
			operation: 'getDetails',
			title: 'getDetails from a date on, oldest first, limited',
			prepare: (sandbox) => ({
				returnAll: false,
				limit: 5,
				filters: { createdAfter: window(sandbox).after },
				sort: { rules: [{ by: 'created', order: 'asc' }] },
			}),
			expectRequest: (_sandbox, p) => ({
				method: 'GET',
				path: `${API}/Details`,
				query: [
					['Filter.Created.Dates', (p.filters as IDataObject).createdAfter as string],
					['Filter.Created.Dates', '9999-12-31T23:59:59.999Z'],
					['Filter.Created.SelectionMode', 'Range'],
					['Sorts[0].by', 'created'],
					['Sorts[0].order', 'asc'],
					['Pagination.PageSize', '5'],
				],
			}),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(5);
				const from = Date.parse(window(sandbox).after);
				const created = items.map((i) => String(i.json.created));
				expect(created).toEqual([...created].sort());
				for (const item of items) {
					expect(msOf(item.json.created)).toBeGreaterThanOrEqual(from);
					const audit = sandbox.state.activityAudits.find(item.json.id as number)!;
					expect(item.json[audit.dataAuditing.field]).toEqual(audit.dataAuditing.value);
				}
			},
		},
	],
};
