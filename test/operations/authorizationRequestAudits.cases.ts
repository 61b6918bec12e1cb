import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox';
import type { TagCases } from './types';

const API = '/management-api/v3/AuthorizationRequestAudits';

/** From the 3rd to the 9th seeded audit (they are seeded oldest first). */
function window(sandbox: Sandbox) {
	const seeded = sandbox.state.authorizationRequestAudits.all();
	return { after: seeded[2].timeOfRequest, before: seeded[8].timeOfRequest };
}

export const cases: TagCases = {
	tag: 'AuthorizationRequestAudits',
	cases: [
		{
			operation: 'getMany',
			title: 'getMany in a time-of-request range, newest first',
			prepare: (sandbox) => {
				const { after, before } = window(sandbox);
				return {
					returnAll: true,
					filters: { timeOfRequestAfter: after, timeOfRequestBefore: before },
					sort: { rules: [{ by: 'timeOfRequest', order: 'desc' }] },
				};
			},
			expectRequest: (_sandbox, p) => {
				const filters = p.filters as IDataObject;
				return {
					method: 'GET',
					path: API,
					query: [
						['Filter.TimeOfRequest.Dates', filters.timeOfRequestAfter as string],
						['Filter.TimeOfRequest.Dates', filters.timeOfRequestBefore as string],
						['Filter.TimeOfRequest.SelectionMode', 'Range'],
						['Sorts[0].by', 'timeOfRequest'],
						['Sorts[0].order', 'desc'],
					],
				};
			},
			expectOutput: (items, sandbox) => {
				const { after, before } = window(sandbox);
				const expected = sandbox.state.authorizationRequestAudits.all().filter((a) => a.timeOfRequest >= after && a.timeOfRequest <= before);
				expect(expected.length).toBeGreaterThanOrEqual(7);
				expect(items.map((i) => i.json.id).sort()).toEqual(expected.map((a) => a.id).sort());
				const times = items.map((i) => String(i.json.timeOfRequest));
				expect(times).toEqual([...times].sort().reverse());
			},
		},
		{
			operation: 'get',
			prepare: (sandbox) => ({ auditId: sandbox.state.authorizationRequestAudits.all()[0].id }),
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `${API}/${p.auditId}` }),
			expectOutput: (items, sandbox) => {
				const audit = sandbox.state.authorizationRequestAudits.all()[0];
				expect(items.map((i) => i.json)).toEqual([audit]);
			},
		},
	],
};
