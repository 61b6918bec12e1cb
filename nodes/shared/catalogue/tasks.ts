import { uuidPathParam } from './common';
import type { TagDeclaration } from './types';

export const tasks: TagDeclaration = {
	tag: 'Tasks',
	displayName: 'Tasks',
	noun: 'task',
	permissionArea: 'Management',
	description: 'Follow the asynchronous tasks that some operations start',
	operations: [
		{
			value: 'get',
			name: 'Get',
			action: 'Get a task',
			description: 'Retrieves a detail of the Task',
			method: 'GET',
			path: '/v3/Tasks/{id}',
			evidence: 'INF',
			pathParams: [
				{ ...uuidPathParam('id', 'taskId', 'Task ID'), description: 'The task ID returned by an operation that starts a task' },
			],
			response: 'json',
		},
	],
};
