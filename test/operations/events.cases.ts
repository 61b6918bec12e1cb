import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { TagCases } from './types';

const API = '/management-api/v3/Events';

/** Events only these cases use: ingested far after the seeded ones. */
const LATER = '2035-01-01T00:00:00.000Z';
let added: string[] | undefined;
function addLaterEvents(sandbox: Sandbox): string[] {
	added ??= sandbox.state.addEvents(3, { ingested: LATER }).map((e) => e.event.id);
	return added;
}

type Ecs = { event: { code: string; ingested: string }; host: { os: { family: string } } };

/** Seeded events ingested before LATER. */
const seeded = (sandbox: Sandbox) => sandbox.state.events.all().filter((e) => e.event.ingested < '2035') as unknown as Ecs[];

export const cases: TagCases = {
	tag: 'Events',
	cases: [
		{
			operation: 'getFromStartDate',
			title: 'getFromStartDate returns one item per event, at most Record Size',
			prepare: (sandbox) => {
				addLaterEvents(sandbox);
				return { startDate: LATER, filters: { recordSize: 2 } };
			},
			expectRequest: () => ({
				method: 'GET',
				path: `${API}/FromStartDate`,
				query: [
					['StartDate', LATER],
					['RecordSize', '2'],
				],
			}),
			expectOutput: (items, sandbox) => {
				expect(items.map((i) => (i.json.event as IDataObject).id)).toEqual(addLaterEvents(sandbox).slice(0, 2));
			},
		},
		{
			operation: 'getFromStartDate',
			title: 'getFromStartDate without Record Size lets the API default to 1000',
			prepare: (sandbox) => {
				addLaterEvents(sandbox);
				return { startDate: '2035-01-01T00:00:00.001Z' };
			},
			expectRequest: () => ({ method: 'GET', path: `${API}/FromStartDate`, query: [['StartDate', '2035-01-01T00:00:00.001Z']] }),
			expectOutput: (items, sandbox, requests) => {
				expect(requests[requests.length - 1].query.some(([k]) => k === 'RecordSize')).toBe(false);
				expect(items.map((i) => (i.json.event as IDataObject).id)).toEqual(addLaterEvents(sandbox).slice(1));
			},
		},
		{
			operation: 'search',
			title: 'search Windows events by code over a window, all pages',
			prepare: (sandbox) => {
				const code = seeded(sandbox).find((e) => e.host.os.family === 'windows')!.event.code;
				return {
					startDate: '2000-01-01T00:00:00.000Z',
					endDate: '2034-12-31T23:59:59.000Z',
					operatingSystem: 'Windows',
					returnAll: true,
					filters: { eventCodes: `${code}, 999999` },
				};
			},
			expectRequest: (_sandbox, p) => {
				const [code] = String((p.filters as IDataObject).eventCodes).split(', ');
				return {
					method: 'GET',
					path: `${API}/search`,
					query: [
						['TimePeriod.StartDate', '2000-01-01T00:00:00.000Z'],
						['TimePeriod.EndDate', '2034-12-31T23:59:59.000Z'],
						['OperatingSystem', 'Windows'],
						['Events.EventCode', code],
						['Events.EventCode', '999999'],
					],
				};
			},
			expectOutput: (items, sandbox, requests) => {
				const code = requests[requests.length - 1].query.find(([k]) => k === 'Events.EventCode')![1];
				const expected = seeded(sandbox).filter((e) => e.host.os.family === 'windows' && e.event.code === code);
				expect(expected.length).toBeGreaterThan(0);
				expect(items).toHaveLength(expected.length);
				for (const item of items) {
					expect((item.json.event as IDataObject).code).toBe(code);
					expect(((item.json.host as IDataObject).os as IDataObject).family).toBe('windows');
				}
			},
		},
		{
			operation: 'search',
			title: 'search Mac events with a limit (page size follows the limit)',
			parameters: {
				startDate: '2000-01-01T00:00:00.000Z',
				endDate: '2034-12-31T23:59:59.000Z',
				operatingSystem: 'Mac',
				returnAll: false,
				limit: 2,
			},
			expectRequest: () => ({
				method: 'GET',
				path: `${API}/search`,
				query: [
					['OperatingSystem', 'Mac'],
					['Pagination.PageNumber', '1'],
					['Pagination.PageSize', '2'],
				],
			}),
			expectOutput: (items, sandbox) => {
				expect(items).toHaveLength(Math.min(2, seeded(sandbox).filter((e) => e.host.os.family === 'macos').length));
				for (const item of items) expect(((item.json.host as IDataObject).os as IDataObject).family).toBe('macos');
			},
		},
	],
};
