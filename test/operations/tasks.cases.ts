import type { TagCases } from './types';

export const cases: TagCases = {
	tag: 'Tasks',
	cases: [
		{
			operation: 'get',
			prepare: (sandbox) => {
				const computer = sandbox.state.computers.all()[0];
				const task = sandbox.state.createTask('Retrieve status info', 'POST /v3/Computers/RetrieveStatusInfo', [computer.id], 'sandbox-client');
				return { taskId: task.id };
			},
			expectRequest: (_sandbox, p) => ({ method: 'GET', path: `/management-api/v3/Tasks/${p.taskId}` }),
			expectOutput: (items, _sandbox, requests) => {
				expect(items).toHaveLength(1);
				expect(items[0].json).toMatchObject({ id: requests[requests.length - 1].path.split('/').pop(), status: 'Completed', itemCount: 1 });
			},
		},
	],
};
