import type { TagDeclaration } from './types';

export const file: TagDeclaration = {
	tag: 'File',
	displayName: 'File',
	noun: 'file',
	permissionArea: 'Management',
	description: 'Download the API definition file (YAML)',
	operations: [
		{
			value: 'download',
			name: 'Download',
			action: 'Download the API definition file',
			description: 'Gets the API definition file in YAML format into a binary field',
			method: 'GET',
			path: '/v3/File',
			pathCandidates: ['/v3/File/{name}'],
			evidence: 'INF',
			response: 'binary',
			note: 'Path not documented: /v3/File is a guess.',
		},
	],
};
