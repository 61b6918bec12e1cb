import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { BASE_URL_EXPRESSION, normalizeBaseUrl } from '../nodes/shared/transport/baseUrl';
import { requestToken } from '../nodes/shared/transport/token';

export class BeyondTrustPmCloudApi implements ICredentialType {
	name = 'beyondTrustPmCloudApi';

	displayName = 'BeyondTrust PM Cloud API';

	icon: Icon = { light: 'file:../icons/beyondtrust.svg', dark: 'file:../icons/beyondtrust.dark.svg' };

	documentationUrl =
		'https://docs.beyondtrust.com/epm-wm/docs/management-api';

	httpRequestNode = {
		name: 'BeyondTrust PM Cloud',
		docsUrl: 'https://docs.beyondtrust.com/epm-wm/reference',
		apiBaseUrlPlaceholder: 'https://acme-services.pm.beyondtrustcloud.com/management-api/v3/',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://acme-services.pm.beyondtrustcloud.com',
			description:
				'The API host of your tenant (the "-services" host). A console host, trailing slashes and a "/management-api" suffix are corrected automatically.',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Client Credentials',
					value: 'clientCredentials',
					description: 'An API account from Configuration > Settings > API Settings',
				},
				{
					name: 'Access Token',
					value: 'accessToken',
					description: 'A bearer token you obtained yourself (it is not refreshed)',
				},
			],
			default: 'clientCredentials',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: 'urn:management:api',
			description: 'OAuth scope requested with the token; leave the default unless BeyondTrust told you otherwise',
			displayOptions: { show: { authentication: ['clientCredentials'] } },
		},
		{
			displayName: 'Access Token',
			name: 'pastedAccessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['accessToken'] } },
		},
		{
			displayName: 'Rate Limit (Requests)',
			name: 'rateLimitRequests',
			type: 'number',
			default: 1000,
			typeOptions: { minValue: 1 },
			description:
				'How many requests this API account may send per window. Every node and trigger in this n8n process that uses the same tenant and client shares it.',
		},
		{
			displayName: 'Rate Limit Window (Seconds)',
			name: 'rateLimitWindowSeconds',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 1 },
		},
		{
			displayName: 'Session Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const baseUrl = normalizeBaseUrl(credentials.baseUrl);
		if (credentials.authentication === 'accessToken') {
			return { accessToken: String(credentials.pastedAccessToken ?? '').replace(/^Bearer\s+/i, '') };
		}
		const accessToken = await requestToken(this, baseUrl, {
			clientId: String(credentials.clientId ?? ''),
			clientSecret: String(credentials.clientSecret ?? ''),
			scope: String(credentials.scope ?? ''),
		});
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	// Proves the token works against the management API itself, not only that a token was issued.
	test: ICredentialTestRequest = {
		request: {
			baseURL: BASE_URL_EXPRESSION,
			url: '/management-api/v3/Roles',
			method: 'GET',
		},
	};
}
