// ASP.NET Core style RFC 7807 ProblemDetails, and the error type handlers throw to produce one.
import { randomBytes } from 'crypto';

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Content Too Large',
	415: 'Unsupported Media Type',
	429: 'Too Many Requests',
	500: 'An error occurred while processing your request.',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

const TYPES: Record<number, string> = {
	400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
	401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
	404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
	405: 'https://tools.ietf.org/html/rfc9110#section-15.5.6',
	409: 'https://tools.ietf.org/html/rfc9110#section-15.5.10',
	413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
	415: 'https://tools.ietf.org/html/rfc9110#section-15.5.16',
	429: 'https://tools.ietf.org/html/rfc6585#section-4',
	500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
	502: 'https://tools.ietf.org/html/rfc9110#section-15.6.3',
	503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
	504: 'https://tools.ietf.org/html/rfc9110#section-15.6.5',
};

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly detail?: string,
		readonly errors?: FieldErrors,
		readonly headers: Record<string, string> = {},
	) {
		super(detail ?? TITLES[status] ?? `HTTP ${status}`);
	}
}

export const badRequest = (detail: string, errors?: FieldErrors): ApiError => new ApiError(400, detail, errors);
export const notFound = (detail: string): ApiError => new ApiError(404, detail);

/** 400 with a single field error (the usual "validation failed" shape). */
export function invalid(field: string, message: string): ApiError {
	return new ApiError(400, undefined, { [field]: [message] });
}

export function traceId(): string {
	return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`;
}

export interface ProblemDetails {
	type: string;
	title: string;
	status: number;
	detail?: string;
	instance?: string;
	traceId: string;
	errors?: FieldErrors;
}

export function problemBody(err: ApiError, instance?: string): ProblemDetails {
	const body: ProblemDetails = {
		type: TYPES[err.status] ?? 'about:blank',
		title: err.errors ? 'One or more validation errors occurred.' : (TITLES[err.status] ?? 'Error'),
		status: err.status,
		traceId: traceId(),
	};
	if (err.detail) body.detail = err.detail;
	if (instance) body.instance = instance;
	if (err.errors) body.errors = err.errors;
	return body;
}

/** SCIM error body (RFC 7644 §3.12) for the /scim routes. */
export function scimErrorBody(err: ApiError): Record<string, unknown> {
	const detail =
		err.detail ??
		(err.errors ? Object.entries(err.errors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') : undefined);
	return {
		schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
		status: String(err.status),
		...(err.status === 400 ? { scimType: 'invalidValue' } : err.status === 409 ? { scimType: 'uniqueness' } : {}),
		detail: detail ?? TITLES[err.status],
	};
}
