// Users (console users): CRUD-ish, roles, enable/disable, preferences, invitations.
import { isoMs } from '../dates';
import type { RoleResource, User } from '../models';
import { badRequest, invalid } from '../problem';
import type { SandboxState } from '../state';
import { bool, list, str, uuid, uuids } from './body';
import { created, done, HandlerContext, HandlerTable } from './context';
import { getHandler, listHandler } from './generic';

function userView(u: User, s: SandboxState) {
	return {
		id: u.id,
		accountName: u.accountName,
		emailAddress: u.emailAddress,
		created: u.created,
		modified: u.modified,
		lastSignedIn: u.lastSignedIn,
		disabled: u.disabled,
		language: u.language,
		olsonTimeZoneId: u.olsonTimeZoneId,
		dateTimeDisplayFormat: u.dateTimeDisplayFormat,
		roles: u.roleIds.map((id) => ({ id, name: s.roles.find(id)?.name ?? null })),
		globalRoles: u.globalRoleIds.map((id) => ({ id, name: s.globalRoles.find(id)?.name ?? null })),
		roleResource: u.roleResource,
		invitationSent: u.invitationSent,
	};
}

const EMAIL_RE = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/;

/** A well-formed, unused address whose domain is one of the tenant's accepted domains. */
export function checkEmail(state: SandboxState, email: string, field: string, self?: User): string {
	const m = EMAIL_RE.exec(email.trim());
	if (!m) throw invalid(field, `'${email}' is not a valid e-mail address.`);
	const domain = m[1].toLowerCase();
	if (!state.acceptedDomains.all().some((d) => d.domain === domain)) {
		throw invalid(field, `The domain '${domain}' is not an accepted domain.`);
	}
	const lower = email.trim().toLowerCase();
	if (state.users.all().some((u) => u !== self && u.emailAddress.toLowerCase() === lower)) {
		throw invalid(field, `A user with e-mail '${email}' already exists.`);
	}
	return lower;
}

/** Role ids granted by `roleResource[]` (`admin` → Administrator; `groupRoles`/`policyRoles` role ids). */
function rolesFrom(state: SandboxState, body: unknown): { roleIds: string[]; roleResource: RoleResource[] } {
	const resources = (list(body, 'roleResource') ?? []) as RoleResource[];
	const ids = new Set<string>();
	resources.forEach((r, i) => {
		if (!r || typeof r !== 'object') throw invalid(`roleResource[${i}]`, 'Each role resource must be an object.');
		if (bool(r, 'admin')) ids.add(state.roles.all().find((x) => x.name === 'Administrator')!.id);
		for (const key of ['groupRoles', 'policyRoles']) {
			for (const id of uuids(r, key) ?? []) {
				if (!state.roles.find(id)) throw invalid(`roleResource[${i}].${key}`, `Role '${id}' was not found.`);
				ids.add(state.roles.find(id)!.id);
			}
		}
	});
	return { roleIds: [...ids], roleResource: resources };
}

function globalRolesFrom(state: SandboxState, body: unknown): string[] | undefined {
	const ids = uuids(body, 'globalRolesIds');
	for (const id of ids ?? []) if (!state.globalRoles.find(id)) throw invalid('globalRolesIds', `Global role '${id}' was not found.`);
	return ids;
}

/** Applies the preference fields present in the body. */
function applyPreferences(u: User, body: unknown): void {
	u.olsonTimeZoneId = str(body, 'olsonTimeZoneId') ?? u.olsonTimeZoneId;
	u.dateTimeDisplayFormat = str(body, 'dateTimeDisplayFormat') ?? u.dateTimeDisplayFormat;
	u.language = str(body, 'language') ?? u.language;
}

const touch = (ctx: HandlerContext, change: (u: User) => void) => {
	const user = ctx.state.users.require(ctx.params.id);
	change(user);
	user.modified = isoMs(ctx.state.now());
	return done(ctx.op);
};

export const userHandlers: HandlerTable = {
	'GET /v3/Users': listHandler<User>({
		items: (s) => s.users.all(),
		view: userView,
		filters: [
			{ name: 'Filter.EmailAddress', kind: 'contains', get: (u) => u.emailAddress },
			{ name: 'Filter.RoleId', kind: 'equals', get: (u) => [...u.roleIds, ...u.globalRoleIds] },
			{ name: 'Filter.LastSignedIn', kind: 'dateRange', get: (u) => u.lastSignedIn },
			{ name: 'Filter.Disabled', kind: 'bool', get: (u) => u.disabled },
			{ name: 'Filter.Language', kind: 'equals', get: (u) => u.language },
		],
		sorts: {
			id: (u) => u.id,
			emailaddress: (u) => u.emailAddress,
			accountname: (u) => u.accountName,
			created: (u) => u.created,
			lastsignedin: (u) => u.lastSignedIn,
			disabled: (u) => u.disabled,
			language: (u) => u.language,
		},
		defaultSort: [{ by: 'created', order: 'asc' }],
	}),
	'GET /v3/Users/{id}': getHandler((s) => s.users, userView),

	'POST /v3/Users': (ctx) => {
		const { state, body } = ctx;
		const email = checkEmail(state, str(body, 'emailAddress', true), 'emailAddress');
		const { roleIds, roleResource } = rolesFrom(state, body);
		const now = isoMs(state.now());
		const [local] = email.split('@');
		const user: User = {
			id: state.rng.uuid(),
			emailAddress: email,
			accountName: email,
			givenName: local.split('.')[0] ?? local,
			familyName: local.split('.')[1] ?? '',
			created: now,
			modified: now,
			lastSignedIn: null,
			disabled: bool(body, 'enabled') === false,
			language: 'en-US',
			olsonTimeZoneId: 'Etc/UTC',
			dateTimeDisplayFormat: 'MM/dd/yyyy HH:mm',
			roleIds,
			globalRoleIds: globalRolesFrom(state, body) ?? [],
			roleResource,
			invitationSent: now,
			externalId: null,
		};
		applyPreferences(user, body);
		state.users.add(user);
		return created(ctx.op, user.id);
	},

	/** JSON `{ emailAddress?, olsonTimeZoneId?, dateTimeDisplayFormat?, language? }`. */
	'PUT /v3/Users/{id}': (ctx) =>
		touch(ctx, (u) => {
			const email = str(ctx.body, 'emailAddress');
			if (email !== undefined) u.emailAddress = u.accountName = checkEmail(ctx.state, email, 'emailAddress', u);
			applyPreferences(u, ctx.body);
		}),

	'POST /v3/Users/{id}/AssignRoles': (ctx) =>
		touch(ctx, (u) => {
			const { roleIds, roleResource } = rolesFrom(ctx.state, ctx.body);
			u.roleIds = roleIds;
			u.roleResource = roleResource;
			u.globalRoleIds = globalRolesFrom(ctx.state, ctx.body) ?? u.globalRoleIds;
		}),

	'POST /v1/Users/{id}/AssignRole': (ctx) =>
		touch(ctx, (u) => {
			const role = ctx.state.roles.find(uuid(ctx.body, 'roleId', true));
			if (!role) throw invalid('roleId', `Role '${ctx.body.roleId}' was not found.`);
			u.roleIds = [role.id];
			u.roleResource = [{ admin: role.name === 'Administrator', groupRoles: [role.id], policyRoles: [] }];
		}),

	'PATCH /v3/Users/{id}/Disable': (ctx) => touch(ctx, (u) => (u.disabled = true)),
	'PATCH /v3/Users/{id}/Enable': (ctx) => touch(ctx, (u) => (u.disabled = false)),
	'PUT /v3/Users/{id}/ModifyPreferences': (ctx) => touch(ctx, (u) => applyPreferences(u, ctx.body)),

	/** Only for users who never signed in. */
	'PATCH /v3/Users/{id}/ResendInvitation': (ctx) =>
		touch(ctx, (u) => {
			if (u.lastSignedIn) throw badRequest('The user has already signed in; no invitation is pending.');
			u.invitationSent = isoMs(ctx.state.now());
		}),
};
