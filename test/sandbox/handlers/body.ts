// Reading fields of a JSON body that the catalogue does not describe (or only partly).
import { invalid } from '../problem';
import { isUuid } from '../validate';

const field = (body: unknown, name: string): unknown => {
	if (!body || typeof body !== 'object') return undefined;
	const entry = Object.entries(body as Record<string, unknown>).find(([k]) => k.toLowerCase() === name.toLowerCase());
	return entry?.[1];
};

/** A string field (case-insensitive key); 400 when required and missing/empty or not a string. */
export function str(body: unknown, name: string, required: true): string;
export function str(body: unknown, name: string, required?: boolean): string | undefined;
export function str(body: unknown, name: string, required = false): string | undefined {
	const v = field(body, name);
	if (v === undefined || v === null || v === '') {
		if (required) throw invalid(name, `The ${name} field is required.`);
		return undefined;
	}
	if (typeof v !== 'string') throw invalid(name, `The JSON value could not be converted to System.String. Path: $.${name}`);
	return v;
}

export function uuid(body: unknown, name: string, required: true): string;
export function uuid(body: unknown, name: string, required?: boolean): string | undefined;
export function uuid(body: unknown, name: string, required = false): string | undefined {
	const v = str(body, name, required);
	if (v !== undefined && !isUuid(v)) throw invalid(name, `The value '${v}' is not a valid Guid.`);
	return v;
}

export function uuids(body: unknown, name: string): string[] | undefined {
	const v = field(body, name);
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v)) throw invalid(name, `The JSON value could not be converted to an array. Path: $.${name}`);
	v.forEach((x, i) => {
		if (!isUuid(x)) throw invalid(`${name}[${i}]`, `The value '${x}' is not a valid Guid.`);
	});
	return v as string[];
}

export function bool(body: unknown, name: string): boolean | undefined {
	const v = field(body, name);
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'boolean') throw invalid(name, `The JSON value could not be converted to System.Boolean. Path: $.${name}`);
	return v;
}

export function obj(body: unknown, name: string): Record<string, unknown> | undefined {
	const v = field(body, name);
	if (v === undefined || v === null) return undefined;
	if (typeof v !== 'object' || Array.isArray(v)) throw invalid(name, `The JSON value could not be converted to an object. Path: $.${name}`);
	return v as Record<string, unknown>;
}

export function list(body: unknown, name: string): unknown[] | undefined {
	const v = field(body, name);
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v)) throw invalid(name, `The JSON value could not be converted to an array. Path: $.${name}`);
	return v;
}
