// Shapes of the records the sandbox keeps. Handlers derive the JSON they return from these
// (e.g. a computer's group and policy names are looked up, not copied).

export type HostType = 'MicrosoftWindows' | 'Mac' | 'Linux';
export type AuthorisationState = 'Authorised' | 'Pending' | 'Rejected';

export interface Computer {
	id: string;
	host: string;
	domain: string | null;
	hostType: HostType;
	created: string;
	lastConnected: string;
	authorisationState: AuthorisationState;
	authorised: string | null;
	connected: boolean;
	deactivated: boolean;
	autoDeactivated: boolean;
	pendingDeactivation: boolean;
	deactivatedOn: string | null;
	archived: boolean;
	groupId: string | null;
	agentVersion: string;
	adapterVersion: string;
	packageManagerVersion: string | null;
	certificateExpiry: string;
	endpointInformation: Record<string, string | null>;
}

export interface Group {
	id: string;
	name: string;
	description: string;
	isDefault: boolean;
	created: string;
	policyId: string | null;
	policyRevisionId: string | null;
}

export interface Policy {
	id: string;
	name: string;
	description: string;
	created: string;
	modified: string;
	checkedOutBy: string | null;
	hasOpenDraft: boolean;
}

export interface PolicyRevision {
	id: string;
	policyId: string;
	revision: number;
	created: string;
	user: string;
	comment: string;
	content: Buffer;
}

export interface RoleResource {
	admin?: boolean;
	[key: string]: unknown;
}

export interface User {
	id: string;
	emailAddress: string;
	accountName: string;
	givenName: string;
	familyName: string;
	created: string;
	modified: string;
	lastSignedIn: string | null;
	disabled: boolean;
	language: string;
	olsonTimeZoneId: string;
	dateTimeDisplayFormat: string;
	roleIds: string[];
	globalRoleIds: string[];
	roleResource: RoleResource[];
	invitationSent: string | null;
	externalId: string | null;
}

export interface Permission {
	resource: string;
	action: string;
}

export interface Role {
	id: string;
	name: string;
	allowPermissions: Permission[];
	denyPermissions: Permission[];
}

export interface GlobalRole extends Role {
	description: string;
	isDefault: boolean;
	created: string;
}

export interface AcceptedDomain {
	id: string;
	domain: string;
	created: string;
}

export interface ApiAccount {
	id: string;
	name: string;
	description: string;
	clientId: string;
	created: string;
	disabled: boolean;
	lastUsed: string | null;
	permissions: Permission[];
}

export interface ActivityAudit {
	id: number;
	details: string;
	userId: string | null;
	user: string;
	entity: string;
	entityName: string;
	auditType: string;
	created: string;
	changedBy: 'API' | 'Portal';
	/** One `<entity>DataAuditing` sub-object, returned by the Details list and the record. */
	dataAuditing: { field: string; value: Record<string, unknown> };
}

export interface AccessDecision {
	status: string;
	decision: string;
	decisionPerformedByUser: string | null;
	decisionTime: string | null;
	duration: string | null;
	message: string | null;
}

export interface AuthorizationRequest {
	id: string;
	ticketId: string;
	systemId: string;
	created: string;
	modified: string;
	serviceTicket: { ticketId: string; systemId: string; url: string };
	requestInfo: {
		user: string;
		created: string;
		computerName: string;
		computerId: string | null;
		applicationName: string;
		applicationPath: string;
		publisher: string;
		reason: string;
	};
	accessDecision: AccessDecision;
}

export interface AuthorizationRequestAudit {
	id: string;
	authorizationRequestId: string;
	ticketId: string;
	systemId: string;
	user: string;
	computerName: string;
	applicationName: string;
	status: string;
	decision: string;
	decisionPerformedByUser: string | null;
	timeOfRequest: string;
	decisionTime: string | null;
}

export type Decision = 'Pending' | 'Approved' | 'Denied';

export interface AdminAccessRequest {
	id: string;
	computerId: string;
	computerName: string;
	userId: string;
	userName: string;
	reason: string;
	duration: string;
	decision: Decision;
	decisionTime: string | null;
	decisionPerformedByUser: string | null;
	message: string | null;
	systemId: string | null;
	ticketId: string | null;
	ticketUrl: string | null;
	created: string;
	modified: string;
}

export type TaskStatus = 'Pending' | 'Running' | 'Completed' | 'Failed';

export interface Task {
	id: string;
	name: string;
	operation: string;
	created: string;
	/** The task reports `Completed` from this instant on (epoch ms, sandbox clock). */
	completesAt: number;
	createdBy: string;
	itemCount: number;
	itemIds: string[];
}

export interface ComputerLog {
	id: string;
	computerId: string;
	created: string;
	fileName: string;
	status: 'Available' | 'Requested';
	taskId: string | null;
}

export interface CommandLog {
	id: string;
	computerId: string;
	command: string;
	created: string;
	createdBy: string;
	taskId: string | null;
}

/** ECS-shaped endpoint event (see reference §5.2). */
export type EcsEvent = Record<string, unknown> & {
	'@timestamp': string;
	event: Record<string, unknown> & { id: string; code: string; action: string; ingested: string };
	host: Record<string, unknown> & { id: string; hostname: string; os: Record<string, string> };
	EPMWinMac: Record<string, unknown> & { GroupId: string | null };
};
