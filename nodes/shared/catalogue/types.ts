import type { IHttpRequestMethods } from 'n8n-workflow';

import type { ListShape } from '../transport/pagination';

/**
 * How sure we are of a path or name (see README "Evidence"):
 * SPEC = vendor OpenAPI fragment, DOC = vendor reference page, CODE = public client code calling the live
 * API, INF = inferred (verify against a tenant; candidates are listed where the path is unknown).
 */
export type Evidence = 'SPEC' | 'DOC' | 'CODE' | 'INF';

/** Records the node can pick "From list" in a resource locator (see engine/locators.ts). */
export type ResourceKind = 'computer' | 'group' | 'policy' | 'policyRevision' | 'user' | 'role' | 'globalRole';

export type FieldType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'uuid'
	| 'integerId'
	| 'dateTime'
	| 'options'
	| 'uuidList'
	| 'stringList'
	| 'json'
	| 'objectList';

export interface FieldDeclaration {
	/** The name the API uses: a query key (`Filter.Host`), a body property (`emailAddress`) or a path placeholder. */
	api: string;
	/** The n8n parameter name (camelCase, unique within the operation). */
	name: string;
	displayName: string;
	kind: FieldType;
	description?: string;
	required?: boolean;
	/** Bounds of a `number` field. */
	min?: number;
	max?: number;
	/** Shown and validated, never sent: it only feeds a dependent "From list" (e.g. the policy of a revision). */
	notSent?: boolean;
	/** Optional, but shown with the required fields rather than under Additional Fields / Filters. */
	primary?: boolean;
	default?: string | number | boolean;
	placeholder?: string;
	options?: Array<{ name: string; value: string }>;
	/** `uuid` fields shown as a resource locator with "From list". */
	locator?: ResourceKind;
	/** Sub-fields of an `objectList`. */
	fields?: FieldDeclaration[];
	/** The JSON name was hidden in the vendor's page; this one is our best guess. */
	nameInferred?: boolean;
}

/** A date filter sent as `<api>.Dates=from&<api>.Dates=to&<api>.SelectionMode=Range`. */
export interface DateRangeDeclaration {
	api: string;
	/** Shown as "<label> After" / "<label> Before". */
	label: string;
	name: string;
}

export type ResponseKind =
	/** JSON object/array, returned as items (arrays are split). */
	| 'json'
	/** Empty answer: `{ success: true }`. */
	| 'empty'
	/** Delete: `{ deleted: true }`. */
	| 'deleted'
	/** A uuid of the created record: `{ id }`. */
	| 'id'
	/** A uuid of an asynchronous task: `{ success: true, taskId }` (follow it with Tasks > Get). */
	| 'task'
	/** A file: binary property + `{ fileName, mimeType, fileSize }`. */
	| 'binary';

export interface MultipartDeclaration {
	/** Form part that carries the file. */
	filePart: string;
	/** Text parts. */
	fields: FieldDeclaration[];
	defaultMimeType: string;
}

export interface OperationDeclaration {
	/** n8n option value, e.g. `getMany`. */
	value: string;
	/** Title Case option name, e.g. "Get Many". */
	name: string;
	/** Sentence-case action shown in the node panel, e.g. "Get many computers". */
	action: string;
	/** The vendor's summary. */
	description: string;
	method: IHttpRequestMethods;
	/** Below `/management-api`. Placeholders `{name}` match `pathParams[].api`. */
	path: string;
	evidence: Evidence;
	/** Other paths the evidence allows, where `path` is a guess. */
	pathCandidates?: string[];
	/** Path placeholders, in order. */
	pathParams?: FieldDeclaration[];
	/** Query parameters: required ones are shown, optional ones go under "Filters". */
	query?: FieldDeclaration[];
	dateRanges?: DateRangeDeclaration[];
	/** Properties the list can be sorted by (`Sorts[n].by`). */
	sorts?: string[];
	/** JSON body: required fields are shown, optional ones go under "Additional Fields". */
	body?: FieldDeclaration[];
	/** Body fields (parameter names) of which at least one must be set, e.g. Computer IDs or All Computers. */
	requireOneOf?: string[];
	/** The whole body is free-form JSON (SCIM patch). */
	rawJsonBody?: { name: string; displayName: string; default: string; description: string };
	bodyContentType?: string;
	multipart?: MultipartDeclaration;
	/** Paginated lists get Return All + Limit. */
	list?: ListShape;
	response: ResponseKind;
	/** For JSON answers that wrap their records (e.g. `events`): return one item per record. */
	itemsPath?: string;
	/** Where the evidence notes something the user should know (shown in the README). */
	note?: string;
}

export interface TagDeclaration {
	/** The API tag, e.g. `Computers`. */
	tag: string;
	/** Words for display: "Computers" -> "BeyondTrust PM Cloud Computers". */
	displayName: string;
	/** Singular noun for subtitles/actions. */
	noun: string;
	/** API permission area the API account needs (401/403 hints). */
	permissionArea: string;
	description: string;
	operations: OperationDeclaration[];
}
