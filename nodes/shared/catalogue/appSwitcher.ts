import type { TagDeclaration } from './types';

export const appSwitcher: TagDeclaration = {
	tag: 'AppSwitcher',
	displayName: 'App Switcher',
	noun: 'app switcher',
	permissionArea: 'Management',
	description: 'Call the BeyondTrust platform app switcher connector',
	operations: [
		{
			value: 'connect',
			name: 'Connect',
			action: 'Connect the app switcher',
			description: 'Calls the app switcher connector of the BeyondTrust platform',
			method: 'POST',
			path: '/v3/AppSwitcher/connector',
			evidence: 'DOC',
			response: 'json',
			note: 'Internal BeyondTrust platform wiring; the body is not documented, so none is sent.',
		},
	],
};
