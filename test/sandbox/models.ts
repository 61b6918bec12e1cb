// Shapes of the records the sandbox keeps. Handlers derive the JSON they return from these
// (e.g. a computer's group and policy names are looked up, not copied). Type aliases rather than
// interfaces, so records are assignable to index-signature types (n8n's IDataObject) in tests.

export type HostType = 'MicrosoftWindows' | 'Mac' | 'Linux';
export type AuthorisationState = 'Authorised' | 'Pending' | 'Rejected';

export type Computer = {
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
};

export type Group = {
	id: string;
	name: string;
	description: string;
	isDefault: boolean;
	created: string;
	policyId: string | null;
	policyRevisionId: string | null;
};

export type Policy = {
	id: string;
	name: string;
	description: string;
	created: string;
	modified: string;
	checkedOutBy: string | null;
	hasOpenDraft: boolean;
};

export type PolicyRevision = {
	id: string;
	policyId: string;
	revision: number;
	created: string;
	user: string;
	comment: string;
	content: Buffer;
};

export type RoleResource = {
	admin?: boolean;
	[key: string]: string | number | boolean | null | undefined | object;
};

export type User = {
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
};

export type Permission = {
	resource: string;
	action: string;
};

export type Role = {
	id: string;
	name: string;
	allowPermissions: Permission[];
	denyPermissions: Permission[];
};

export type GlobalRole = Role & {
	description: string;
	isDefault: boolean;
	created: string;
};

export type AcceptedDomain = {
	id: string;
	domain: string;
	created: string;
};

export type ApiAccount = {
	id: string;
	name: string;
	description: string;
	clientId: string;
	created: string;
	disabled: boolean;
	lastUsed: string | null;
	permissions: Permission[];
};

export type ActivityAudit = {
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
};

export type AccessDecision = {
	status: string;
	decision: string;
	decisionPerformedByUser: string | null;
	decisionTime: string | null;
	duration: string | null;
	message: string | null;
};

export type AuthorizationRequest = {
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
};

export type AuthorizationRequestAudit = {
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
};

export type Decision = 'Pending' | 'Approved' | 'Denied';

export type AdminAccessRequest = {
	id: string;
	/** Same as id (the API names it both ways). */
	requestId: string;
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
};

export type Task = {
	id: string;
	name: string;
	operation: string;
	created: string;
	/** The task reports `Completed` from this instant on (epoch ms, sandbox clock). */
	completesAt: number;
	createdBy: string;
	itemCount: number;
	itemIds: string[];
};

export type ComputerLog = {
	id: string;
	computerId: string;
	created: string;
	fileName: string;
	status: 'Available' | 'Requested';
	taskId: string | null;
};

export type CommandLog = {
	id: string;
	computerId: string;
	command: string;
	created: string;
	createdBy: string;
	taskId: string | null;
};

/** Any JSON object (written so records stay assignable to n8n's IDataObject). */
export type JsonObject = { [key: string]: string | number | boolean | null | undefined | object };

/** ECS-shaped endpoint event (see reference §5.2). */
export type EcsEvent = JsonObject & {
	'@timestamp': string;
	event: JsonObject & { id: string; code: string; action: string; ingested: string };
	host: JsonObject & { id: string; hostname: string; os: Record<string, string> };
	EPMWinMac: JsonObject & { GroupId: string | null };
};
