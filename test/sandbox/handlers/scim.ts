// SCIM 2.0 (RFC 7643/7644) over the same console users and roles as the management API.
import { isoMs } from '../dates';
import type { Role, User } from '../models';
import { ApiError, invalid } from '../problem';
import { assertInt, QueryParams } from '../query';
import { parseScimFilter } from '../scimFilter';
import type { SandboxState } from '../state';
import { HandlerContext, HandlerTable, scim } from './context';
import { checkEmail } from './users';

const BASE = '/management-api/scim/v2';
const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ROLE_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Role';
const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

function scimUser(u: User, s: SandboxState) {
	return {
		schemas: [USER_SCHEMA],
		id: u.id,
		externalId: u.externalId,
		userName: u.emailAddress,
		name: { givenName: u.givenName, familyName: u.familyName, formatted: `${u.givenName} ${u.familyName}`.trim() },
		displayName: `${u.givenName} ${u.familyName}`.trim(),
		emails: [{ value: u.emailAddress, type: 'work', primary: true }],
		active: !u.disabled,
		locale: u.language,
		timezone: u.olsonTimeZoneId,
		dateTimeFormat: u.dateTimeDisplayFormat,
		roles: u.roleIds.map((id, i) => ({ value: id, display: s.roles.find(id)?.name ?? null, type: 'role', primary: i === 0 })),
		meta: { resourceType: 'User', created: u.created, lastModified: u.modified, location: `${BASE}/Users/${u.id}` },
	};
}

const scimRole = (r: Role) => ({
	schemas: [ROLE_SCHEMA],
	id: r.id,
	value: r.id,
	displayName: r.name,
	permissions: r.allowPermissions,
	meta: { resourceType: 'Role', location: `${BASE}/Roles/${r.id}` },
});

/** `startIndex` (1-based, default 1), `count` (0..200, default 100), optional `filter`. */
function listResponse(resources: unknown[], q: QueryParams) {
	const filter = q.get('filter');
	const matching = filter ? resources.filter(parseScimFilter(filter)) : resources;
	const startIndex = Math.max(1, assertInt(q.get('startIndex') ?? '1', 'startIndex'));
	const count = Math.min(200, Math.max(0, assertInt(q.get('count') ?? '100', 'count')));
	const page = matching.slice(startIndex - 1, startIndex - 1 + count);
	return scim({ schemas: [LIST_SCHEMA], totalResults: matching.length, itemsPerPage: page.length, startIndex, Resources: page });
}

const get = (o: unknown, key: string): unknown =>
	o && typeof o === 'object' ? Object.entries(o as Record<string, unknown>).find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1] : undefined;

function asString(value: unknown, attr: string): string {
	if (typeof value !== 'string') throw invalid(attr, `${attr} must be a string.`);
	return value;
}

const KNOWN = new Set(['username', 'emails', 'name', 'active', 'locale', 'timezone', 'datetimeformat', 'roles', 'externalid', 'displayname']);

/** Applies SCIM attributes to a user. `strict`: unknown attributes are an error (PATCH paths). */
function applyAttributes(state: SandboxState, user: User, attrs: Record<string, unknown>, strict: boolean): void {
	for (const key of Object.keys(attrs)) if (strict && !KNOWN.has(key.toLowerCase())) throw invalid('path', `Unsupported attribute '${key}'.`);
	const emails = get(attrs, 'emails');
	const primaryEmail = Array.isArray(emails) ? (emails.find((e) => get(e, 'primary')) ?? emails[0]) : undefined;
	const userName = get(attrs, 'userName') ?? get(primaryEmail, 'value');
	if (userName !== undefined) user.emailAddress = user.accountName = checkEmail(state, asString(userName, 'userName'), 'userName', user);
	const name = get(attrs, 'name');
	if (name !== undefined) {
		user.givenName = (get(name, 'givenName') as string | undefined) ?? user.givenName;
		user.familyName = (get(name, 'familyName') as string | undefined) ?? user.familyName;
	}
	const active = get(attrs, 'active');
	if (active !== undefined) {
		if (typeof active !== 'boolean') throw invalid('active', 'active must be a boolean.');
		user.disabled = !active;
	}
	const locale = get(attrs, 'locale');
	if (locale !== undefined) user.language = asString(locale, 'locale');
	const timezone = get(attrs, 'timezone');
	if (timezone !== undefined) user.olsonTimeZoneId = asString(timezone, 'timezone');
	const format = get(attrs, 'dateTimeFormat');
	if (format !== undefined) user.dateTimeDisplayFormat = asString(format, 'dateTimeFormat');
	const externalId = get(attrs, 'externalId');
	if (externalId !== undefined) user.externalId = externalId === null ? null : asString(externalId, 'externalId');
	const roles = get(attrs, 'roles');
	if (roles !== undefined) {
		if (!Array.isArray(roles)) throw invalid('roles', 'roles must be an array.');
		user.roleIds = roles.map((r) => {
			const role = state.roles.find(String(get(r, 'value') ?? ''));
			if (!role) throw invalid('roles', `Role '${get(r, 'value')}' was not found.`);
			return role.id;
		});
	}
	user.modified = isoMs(state.now());
}

function createUser(ctx: HandlerContext) {
	const { state, body } = ctx;
	if (!body || typeof body !== 'object') throw invalid('body', 'A SCIM User resource is required.');
	const emails = get(body, 'emails');
	const userName = get(body, 'userName') ?? (Array.isArray(emails) ? get(emails[0], 'value') : undefined);
	if (typeof userName !== 'string' || !userName) throw invalid('userName', 'userName is required.');
	if (state.users.all().some((u) => u.emailAddress.toLowerCase() === userName.trim().toLowerCase())) {
		throw new ApiError(409, `User '${userName}' already exists.`);
	}
	const now = isoMs(state.now());
	const user: User = {
		id: state.rng.uuid(),
		emailAddress: '',
		accountName: '',
		givenName: '',
		familyName: '',
		created: now,
		modified: now,
		lastSignedIn: null,
		disabled: false,
		language: 'en-US',
		olsonTimeZoneId: 'Etc/UTC',
		dateTimeDisplayFormat: 'MM/dd/yyyy HH:mm',
		roleIds: [],
		globalRoleIds: [],
		roleResource: [],
		invitationSent: now,
		externalId: null,
	};
	applyAttributes(state, user, { ...body, userName }, false);
	user.roleResource = [{ admin: false, groupRoles: user.roleIds, policyRoles: [] }];
	state.users.add(user);
	return scim(scimUser(user, state), 201);
}

/** PatchOp `Operations` (v2) / `operations` (v3): add | replace | remove with an optional path. */
function patchUser(ctx: HandlerContext, param: string) {
	const { state } = ctx;
	const user = state.users.require(ctx.params[param]);
	const ops = get(ctx.body, 'Operations');
	if (!Array.isArray(ops) || !ops.length) throw invalid('Operations', 'At least one operation is required.');
	for (const op of ops) {
		const kind = String(get(op, 'op') ?? '').toLowerCase();
		const path = get(op, 'path') as string | undefined;
		const value = get(op, 'value');
		if (!['add', 'replace', 'remove'].includes(kind)) throw invalid('op', `Unsupported operation '${get(op, 'op')}'.`);
		if (kind === 'remove') {
			if (path?.toLowerCase() !== 'roles') throw invalid('path', `Cannot remove '${path}'.`);
			user.roleIds = [];
			continue;
		}
		if (!path) {
			if (!value || typeof value !== 'object') throw invalid('value', 'A value object is required without a path.');
			applyAttributes(state, user, value as Record<string, unknown>, false);
			continue;
		}
		const lower = path.toLowerCase();
		const attrs = lower.startsWith('emails')
			? { emails: typeof value === 'string' ? [{ value, primary: true }] : value }
			: path.includes('.')
				? { [path.split('.')[0]]: { [path.split('.')[1]]: value } }
				: { [path]: value };
		applyAttributes(state, user, attrs, true);
	}
	return scim(scimUser(user, state));
}

const resourceType = (name: string, schema: string) => ({
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
	id: name,
	name,
	endpoint: `/${name}s`,
	description: name === 'User' ? 'User Account' : 'Console role',
	schema,
	meta: { resourceType: 'ResourceType', location: `${BASE}/ResourceTypes/${name}` },
});

const attribute = (name: string, type: string, multiValued = false, required = false) => ({
	name, type, multiValued, required, caseExact: false, mutability: 'readWrite', returned: 'default', uniqueness: name === 'userName' ? 'server' : 'none',
});

const SCHEMAS = [
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
		id: USER_SCHEMA,
		name: 'User',
		description: 'User Account',
		attributes: [
			attribute('userName', 'string', false, true), attribute('name', 'complex'), attribute('displayName', 'string'),
			attribute('emails', 'complex', true), attribute('active', 'boolean'), attribute('locale', 'string'),
			attribute('timezone', 'string'), attribute('externalId', 'string'), attribute('roles', 'complex', true),
		],
		meta: { resourceType: 'Schema', location: `${BASE}/Schemas/${USER_SCHEMA}` },
	},
	{
		schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
		id: ROLE_SCHEMA,
		name: 'Role',
		description: 'Console role',
		attributes: [attribute('displayName', 'string', false, true), attribute('value', 'string')],
		meta: { resourceType: 'Schema', location: `${BASE}/Schemas/${ROLE_SCHEMA}` },
	},
];

const SERVICE_PROVIDER_CONFIG = {
	schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
	documentationUri: 'https://docs.beyondtrust.com/epm-wm/reference',
	patch: { supported: true },
	bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
	filter: { supported: true, maxResults: 200 },
	changePassword: { supported: false },
	sort: { supported: false },
	etag: { supported: false },
	authenticationSchemes: [
		{ type: 'oauthbearertoken', name: 'OAuth Bearer Token', description: 'Client-credentials token from /oauth/connect/token', primary: true },
	],
	meta: { resourceType: 'ServiceProviderConfig', location: `${BASE}/ServiceProviderConfig` },
};

export const scimHandlers: HandlerTable = {
	'GET /scim/v2/ResourceTypes': (ctx) =>
		listResponse([resourceType('User', USER_SCHEMA), resourceType('Role', ROLE_SCHEMA)], ctx.query),
	'GET /scim/v2/ResourceTypes/User': () => scim(resourceType('User', USER_SCHEMA)),
	'GET /scim/v2/ResourceTypes/Role': () => scim(resourceType('Role', ROLE_SCHEMA)),
	'GET /scim/v2/Schemas': (ctx) => listResponse(SCHEMAS, ctx.query),
	'GET /scim/v2/ServiceProviderConfig': () => scim(SERVICE_PROVIDER_CONFIG),
	'GET /scim/v2/Roles': (ctx) => listResponse(ctx.state.roles.all().map(scimRole), ctx.query),
	'GET /scim/v2/Users': (ctx) => listResponse(ctx.state.users.all().map((u) => scimUser(u, ctx.state)), ctx.query),
	'POST /scim/v2/Users': createUser,
	'POST /scim/v3/Users': createUser,
	'GET /scim/v2/Users/{userID}': (ctx) => scim(scimUser(ctx.state.users.require(ctx.params.userID), ctx.state)),
	/** Replaces the writable attributes present in the body. */
	'PUT /scim/v2/Users/{userID}': (ctx) => {
		const user = ctx.state.users.require(ctx.params.userID);
		if (!ctx.body || typeof ctx.body !== 'object') throw invalid('body', 'A SCIM User resource is required.');
		applyAttributes(ctx.state, user, ctx.body, false);
		return scim(scimUser(user, ctx.state));
	},
	'PATCH /scim/v2/Users/{userID}': (ctx) => patchUser(ctx, 'userID'),
	'PATCH /scim/v3/Users/{userId}': (ctx) => patchUser(ctx, 'userId'),
};
