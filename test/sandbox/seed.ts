// Factories for realistic, related records. All randomness comes from the Prng passed in, so a given
// `randomSeed` (and clock) always produces the same tenant.
import { isoMs } from './dates';
import type {
	AcceptedDomain, ActivityAudit, AdminAccessRequest, ApiAccount, AuthorizationRequest, AuthorizationRequestAudit,
	Computer, Decision, GlobalRole, Group, HostType, Permission, Policy, PolicyRevision, Role, User,
} from './models';
import { APPS, DATE_FORMATS, DEPARTMENTS, FIRST_NAMES, LANGUAGES, LAST_NAMES, TIME_ZONES } from './names';
import type { App } from './names';
import { hashString, Prng } from './prng';

export interface SeedCounts {
	computers: number;
	events: number;
	users: number;
	groups: number;
	policies: number;
	activityAudits: number;
	authorizationRequests: number;
	adminAccessRequests: number;
	randomSeed: number;
}

export const DEFAULT_SEED: SeedCounts = {
	computers: 25,
	events: 50,
	users: 8,
	groups: 5,
	policies: 4,
	activityAudits: 30,
	authorizationRequests: 12,
	adminAccessRequests: 12,
	randomSeed: 20240601,
};

export const DAY = 86_400_000;

export interface EndpointUser {
	id: string;
	name: string;
	domain: string;
}

const perm = (resource: string, action: string): Permission => ({ resource, action });

export function makeRoles(rng: Prng): Role[] {
	const defs: Array<[string, Permission[]]> = [
		['Administrator', [perm('*', '*')]],
		['Auditor', [perm('ActivityAudits', 'Read'), perm('Events', 'Read'), perm('Computers', 'Read')]],
		['Policy Editor', [perm('Policies', 'Read'), perm('Policies', 'Write'), perm('Groups', 'Read')]],
		['Policy Viewer', [perm('Policies', 'Read')]],
		['Computer Manager', [perm('Computers', 'Read'), perm('Computers', 'Write'), perm('Groups', 'Write')]],
		['Request Approver', [perm('AdminAccessRequest', 'Write'), perm('AuthorizationRequest', 'Write')]],
	];
	return defs.map(([name, allowPermissions]) => ({ id: rng.uuid(), name, allowPermissions, denyPermissions: [] }));
}

export function makeGlobalRoles(rng: Prng, nowMs: number): GlobalRole[] {
	const defs: Array<[string, string, Permission[]]> = [
		['Global Administrator', 'Full access to every area of the tenant', [perm('*', '*')]],
		['Global Auditor', 'Read-only access to audits, events and reports', [perm('ActivityAudits', 'Read'), perm('Events', 'Read'), perm('Reports', 'Read')]],
		['User Manager', 'Manage console users and roles', [perm('Users', 'Read'), perm('Users', 'Write'), perm('Roles', 'Read')]],
		['Settings Manager', 'Manage tenant settings, API accounts and domains', [perm('Settings', 'Write'), perm('ApiAccounts', 'Write')]],
	];
	return defs.map(([name, description, allowPermissions], i) => ({
		id: rng.uuid(),
		name,
		description,
		isDefault: i === 0,
		created: isoMs(nowMs - 400 * DAY + i * DAY),
		allowPermissions,
		denyPermissions: [],
	}));
}

export function makeAcceptedDomains(rng: Prng, nowMs: number): AcceptedDomain[] {
	return ['example.com', 'corp.example.com'].map((domain, i) => ({
		id: rng.uuid(),
		domain,
		created: isoMs(nowMs - 380 * DAY + i * 3 * DAY),
	}));
}

export function makeApiAccount(rng: Prng, name: string, clientId: string, createdMs: number): ApiAccount {
	return {
		id: rng.uuid(),
		name,
		description: `API account used by ${name}`,
		clientId,
		created: isoMs(createdMs),
		disabled: false,
		lastUsed: null,
		permissions: [perm('Management API', 'Full'), perm('SCIM', 'Full')],
	};
}

export function policyXml(rng: Prng, policyId: string, name: string, revision: number): Buffer {
	const workstyles = Array.from({ length: rng.int(1, 4) }, (_, i) => {
		const app = rng.pick(APPS);
		return (
			`    <Workstyle ID="{${rng.uuid()}}" Name="${name} workstyle ${i + 1}" Enabled="true">\n` +
			`      <ApplicationRule Application="${app.product}" Path="${app.path.replace(/&/g, '&amp;')}" Action="${rng.pick(['Elevate', 'Allow', 'Block'])}" />\n` +
			`    </Workstyle>\n`
		);
	}).join('');
	return Buffer.from(
		`<?xml version="1.0" encoding="utf-8"?>\n` +
			`<Configuration ID="{${policyId}}" Name="${name.replace(/&/g, '&amp;')}" RevisionNumber="${revision}" FileVersion="24.7.0">\n` +
			`  <Workstyles>\n${workstyles}  </Workstyles>\n</Configuration>\n`,
		'utf8',
	);
}

export function makePolicy(rng: Prng, name: string, createdMs: number): Policy {
	return {
		id: rng.uuid(),
		name,
		description: `${name} policy`,
		created: isoMs(createdMs),
		modified: isoMs(createdMs),
		checkedOutBy: null,
		hasOpenDraft: false,
	};
}

export function makeRevision(
	rng: Prng,
	policy: Policy,
	revision: number,
	createdMs: number,
	user: string,
	content?: Buffer,
): PolicyRevision {
	return {
		id: rng.uuid(),
		policyId: policy.id,
		revision,
		created: isoMs(createdMs),
		user,
		comment: revision === 1 ? 'Initial revision' : `Revision ${revision}`,
		content: content ?? policyXml(rng, policy.id, policy.name, revision),
	};
}

export function makeGroup(rng: Prng, name: string, createdMs: number, isDefault: boolean): Group {
	return {
		id: rng.uuid(),
		name,
		description: `${name} computer group`,
		isDefault,
		created: isoMs(createdMs),
		policyId: null,
		policyRevisionId: null,
	};
}

const WINDOWS_OS: Array<[string, string]> = [
	['Microsoft Windows 11 Enterprise', '10.0.22631'],
	['Microsoft Windows 10 Enterprise', '10.0.19045'],
	['Microsoft Windows Server 2022 Standard', '10.0.20348'],
];
const MAC_OS: Array<[string, string]> = [
	['macOS Sonoma', '14.4.1'],
	['macOS Ventura', '13.6.6'],
];

export interface ComputerOptions {
	hostType?: HostType;
	authorisationState?: Computer['authorisationState'];
	groupId?: string | null;
}

export function makeComputer(rng: Prng, serial: number, createdMs: number, nowMs: number, opts: ComputerOptions = {}): Computer {
	const hostType = opts.hostType ?? rng.weighted<HostType>([['MicrosoftWindows', 70], ['Mac', 25], ['Linux', 5]]);
	const dept = rng.pick(DEPARTMENTS);
	const n = `${serial}`.padStart(5, '0');
	const host =
		hostType === 'MicrosoftWindows' ? `WKS-${dept}-${n}` : hostType === 'Mac' ? `MAC-${dept}-${n}` : `lnx-${dept.toLowerCase()}-${n}`;
	const state = opts.authorisationState ?? rng.weighted<Computer['authorisationState']>([['Authorised', 82], ['Pending', 14], ['Rejected', 4]]);
	const lastConnectedMs = Math.min(nowMs, createdMs + Math.floor(rng.next() * Math.max(1, nowMs - createdMs)));
	return {
		id: rng.uuid(),
		host,
		domain: hostType === 'MicrosoftWindows' ? 'corp.example.com' : null,
		hostType,
		created: isoMs(createdMs),
		lastConnected: isoMs(lastConnectedMs),
		authorisationState: state,
		authorised: state === 'Authorised' ? isoMs(createdMs + 60_000) : null,
		connected: nowMs - lastConnectedMs < DAY,
		deactivated: false,
		autoDeactivated: false,
		pendingDeactivation: false,
		deactivatedOn: null,
		archived: rng.chance(0.03),
		groupId: opts.groupId ?? null,
		agentVersion: hostType === 'Mac' ? rng.pick(['24.3.72.0', '24.5.110.0', '25.1.18.0']) : rng.pick(['24.3.1021.0', '24.7.2051.0', '25.2.118.0']),
		adapterVersion: rng.pick(['23.9.262.0', '24.5.341.0', '25.1.96.0']),
		packageManagerVersion: hostType === 'Linux' ? null : rng.pick(['23.4.123.0', '24.8.1.0']),
		certificateExpiry: isoMs(createdMs + 365 * DAY),
	};
}

const endpointCache = new WeakMap<Computer, Record<string, string | null>>();

/**
 * A computer's `endpointInformation` (OS and hardware), derived from its id on first use so that
 * seeding 20,000 computers stays cheap.
 */
export function endpointInformation(c: Computer): Record<string, string | null> {
	let info = endpointCache.get(c);
	if (info) return info;
	const rng = new Prng(hashString(c.id));
	const { hostType, host, domain } = c;
	const [osCaption, osVersion] =
		hostType === 'MicrosoftWindows' ? rng.pick(WINDOWS_OS) : hostType === 'Mac' ? rng.pick(MAC_OS) : ['Ubuntu 22.04.4 LTS', '22.04'];
	const dept = host.split(/[-]/)[1] ?? 'IT';
	info = {
		macAddress: Array.from({ length: 6 }, () => rng.hex(2).toUpperCase()).join(':'),
		osArchitecture: hostType === 'Mac' ? 'arm64' : '64-bit',
		osCaption,
		osCodeSet: hostType === 'MicrosoftWindows' ? '1252' : null,
		osComputerDescription: `${dept} workstation`,
		osCountryCode: '1',
		osInstallDate: isoMs(Date.parse(c.created) - rng.int(1, 200) * DAY),
		osManufacturer: hostType === 'MicrosoftWindows' ? 'Microsoft Corporation' : hostType === 'Mac' ? 'Apple Inc.' : 'Canonical',
		osOrganization: 'Example Corp',
		osSerialNumber: rng.hex(20).toUpperCase(),
		osSystemDirectory: hostType === 'MicrosoftWindows' ? 'C:\\Windows\\system32' : '/System',
		osSystemDrive: hostType === 'MicrosoftWindows' ? 'C:' : '/',
		osVersion,
		osVersionString: `${osCaption} ${osVersion}`,
		processorCaption: 'Intel64 Family 6 Model 154 Stepping 3',
		processorDescription: 'Intel64 Family 6 Model 154 Stepping 3',
		processorManufacturer: hostType === 'Mac' ? 'Apple' : 'GenuineIntel',
		processorName: hostType === 'Mac' ? 'Apple M2' : '12th Gen Intel(R) Core(TM) i7-1265U',
		systemDnsHostName: host.toLowerCase(),
		systemDomain: domain ?? 'WORKGROUP',
		systemManufacturer: hostType === 'Mac' ? 'Apple Inc.' : rng.pick(['Dell Inc.', 'LENOVO', 'HP']),
		systemModel: hostType === 'Mac' ? 'MacBookPro18,3' : rng.pick(['Latitude 7440', 'ThinkPad T14 Gen 4', 'EliteBook 840 G10']),
		systemName: host,
		systemPrimaryOwnerName: 'Example Corp',
		systemSystemType: hostType === 'Mac' ? 'ARM64' : 'x64-based PC',
		systemWorkgroup: domain ? null : 'WORKGROUP',
	};
	endpointCache.set(c, info);
	return info;
}

export function makeUser(
	rng: Prng,
	serial: number,
	domain: string,
	roles: Role[],
	createdMs: number,
	nowMs: number,
): User {
	const givenName = FIRST_NAMES[serial % FIRST_NAMES.length];
	const familyName = LAST_NAMES[(serial * 7 + 3) % LAST_NAMES.length];
	const suffix = serial >= FIRST_NAMES.length ? String(serial) : '';
	const email = serial === 0 ? `admin@${domain}` : `${givenName}.${familyName.replace(/'/g, '')}${suffix}@${domain}`.toLowerCase();
	const admin = serial === 0;
	const roleIds = admin ? [roles[0].id] : [rng.pick(roles.slice(1)).id];
	return {
		id: rng.uuid(),
		emailAddress: email,
		accountName: email,
		givenName: admin ? 'Tenant' : givenName,
		familyName: admin ? 'Administrator' : familyName,
		created: isoMs(createdMs),
		modified: isoMs(createdMs),
		lastSignedIn: rng.chance(0.85) ? isoMs(createdMs + Math.floor(rng.next() * (nowMs - createdMs))) : null,
		disabled: !admin && rng.chance(0.1),
		language: admin ? 'en-US' : rng.pick(LANGUAGES),
		olsonTimeZoneId: rng.pick(TIME_ZONES),
		dateTimeDisplayFormat: rng.pick(DATE_FORMATS),
		roleIds,
		globalRoleIds: [],
		roleResource: [{ admin, groupRoles: admin ? [] : roleIds, policyRoles: [] }],
		invitationSent: isoMs(createdMs),
		externalId: null,
	};
}

export function makeEndpointUsers(rng: Prng, count: number): EndpointUser[] {
	const domainSid = `S-1-5-21-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}-${rng.int(1e9, 4e9)}`;
	return Array.from({ length: count }, (_, i) => {
		const first = FIRST_NAMES[i % FIRST_NAMES.length];
		const last = LAST_NAMES[(i * 5 + 1) % LAST_NAMES.length].replace(/'/g, '');
		return { id: `${domainSid}-${1100 + i}`, name: `${first[0]}${last}`.toLowerCase(), domain: 'CORP' };
	});
}

const AUDIT_SHAPES: Array<[string, string[], string]> = [
	['Computer', ['Authorise', 'Modify', 'Archive', 'Delete'], 'computerDataAuditing'],
	['Group', ['Create', 'Modify', 'AssignPolicy'], 'groupDataAuditing'],
	['Policy', ['Create', 'Modify', 'Delete'], 'policyDataAuditing'],
	['PolicyRevision', ['Create', 'PolicyModification'], 'policyRevisionDataAuditing'],
	['User', ['Create', 'Modify', 'Disable', 'SignIn'], 'userDataAuditing'],
	['ApiClient', ['Create', 'Modify', 'SecretRegenerated'], 'apiClientDataAuditing'],
	['AuthorizationRequest', ['Approved', 'Denied'], 'authorizationRequestDataAuditing'],
	['Settings', ['Modify'], 'settingsDataAuditing'],
];

export interface AuditInput {
	entity?: string;
	auditType?: string;
	entityName?: string;
	details?: string;
	user?: string;
	userId?: string | null;
	changedBy?: 'API' | 'Portal';
}

export function makeActivityAudit(rng: Prng, id: number, created: string, actors: Array<{ id: string | null; name: string; api: boolean }>, input: AuditInput = {}): ActivityAudit {
	const shape = AUDIT_SHAPES.find(([e]) => e === input.entity) ?? rng.pick(AUDIT_SHAPES);
	const entity = input.entity ?? shape[0];
	const auditType = input.auditType ?? rng.pick(shape[1]);
	const actor = rng.pick(actors);
	const changedBy = input.changedBy ?? (actor.api ? 'API' : 'Portal');
	const entityName = input.entityName ?? `${entity} ${rng.int(1, 999)}`;
	const field = AUDIT_SHAPES.find(([e]) => e === entity)?.[2] ?? `${entity[0].toLowerCase()}${entity.slice(1)}DataAuditing`;
	return {
		id,
		details: input.details ?? `${entity} '${entityName}' ${auditType}`,
		userId: input.userId !== undefined ? input.userId : actor.id,
		user: input.user ?? actor.name,
		entity,
		entityName,
		auditType,
		created,
		changedBy,
		dataAuditing: { field, value: { name: entityName, action: auditType, oldValue: null, newValue: entityName } },
	};
}

function windowsOrMacApp(rng: Prng, computer: Computer | undefined): App {
	const mac = computer?.hostType === 'Mac';
	return rng.pick(APPS.filter((a) => a.mac === mac));
}

const STATUS_BY_DECISION: Record<Decision, string> = { Pending: '1000', Approved: '2000', Denied: '2001' };
const statusOf = (decision: Decision): string => STATUS_BY_DECISION[decision];

export function makeAuthorizationRequest(
	rng: Prng,
	createdMs: number,
	computer: Computer | undefined,
	user: EndpointUser,
	decision: Decision,
	approver: string,
): AuthorizationRequest {
	const app = windowsOrMacApp(rng, computer);
	const ticketId = `RITM${String(rng.int(10000, 9999999)).padStart(7, '0')}`;
	const systemId = rng.hex(32);
	const decidedMs = createdMs + rng.int(60, 3600) * 1000;
	return {
		id: rng.uuid(),
		ticketId,
		systemId,
		created: isoMs(createdMs),
		modified: isoMs(decision === 'Pending' ? createdMs : decidedMs),
		serviceTicket: { ticketId, systemId, url: `https://example.service-now.com/nav_to.do?uri=sc_req_item.do?sys_id=${systemId}` },
		requestInfo: {
			user: `${user.domain}\\${user.name}`,
			created: isoMs(createdMs),
			computerName: computer?.host ?? 'UNKNOWN',
			computerId: computer?.id ?? null,
			applicationName: app.product,
			applicationPath: app.path,
			publisher: app.publisher,
			reason: rng.pick(['Install approved software', 'Update driver', 'Run diagnostics', 'Need to install a printer']),
		},
		accessDecision: {
			status: statusOf(decision),
			decision,
			decisionPerformedByUser: decision === 'Pending' ? null : approver,
			decisionTime: decision === 'Pending' ? null : isoMs(decidedMs),
			duration: decision === 'Approved' ? 'Once' : null,
			message: decision === 'Denied' ? 'Not business justified' : null,
		},
	};
}

export function auditOfAuthorizationRequest(rng: Prng, r: AuthorizationRequest): AuthorizationRequestAudit {
	return {
		id: rng.uuid(),
		authorizationRequestId: r.id,
		ticketId: r.ticketId,
		systemId: r.systemId,
		user: r.requestInfo.user,
		computerName: r.requestInfo.computerName,
		applicationName: r.requestInfo.applicationName,
		status: r.accessDecision.status,
		decision: r.accessDecision.decision,
		decisionPerformedByUser: r.accessDecision.decisionPerformedByUser,
		timeOfRequest: r.created,
		decisionTime: r.accessDecision.decisionTime,
	};
}

export function makeAdminAccessRequest(
	rng: Prng,
	createdMs: number,
	computer: Computer | undefined,
	user: EndpointUser,
	decision: Decision,
	approver: string,
): AdminAccessRequest {
	const decidedMs = createdMs + rng.int(30, 1800) * 1000;
	const decided = decision !== 'Pending';
	const id = rng.uuid();
	return {
		id,
		requestId: id,
		computerId: computer?.id ?? rng.uuid(),
		computerName: computer?.host ?? 'UNKNOWN',
		userId: user.id,
		userName: `${user.domain}\\${user.name}`,
		reason: rng.pick(['Install software', 'Troubleshoot network', 'Update drivers', 'Change system settings']),
		duration: String(rng.pick([900, 1800, 3600, 14400])),
		decision,
		decisionTime: decided ? isoMs(decidedMs) : null,
		decisionPerformedByUser: decided ? approver : null,
		message: decision === 'Denied' ? 'Use the software portal instead' : decided ? 'Approved for the maintenance window' : null,
		systemId: decided ? rng.hex(32) : null,
		ticketId: decided ? `INC${String(rng.int(10000, 9999999)).padStart(7, '0')}` : null,
		ticketUrl: null,
		created: isoMs(createdMs),
		modified: isoMs(decided ? decidedMs : createdMs),
	};
}

/** `n` ascending instants spread over `[startMs, endMs]`. */
export function spread(rng: Prng, n: number, startMs: number, endMs: number): number[] {
	const out = Array.from({ length: n }, () => startMs + Math.floor(rng.next() * (endMs - startMs)));
	return out.sort((a, b) => a - b);
}
