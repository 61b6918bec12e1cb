// Request validation driven by the catalogue: path parameters, query parameters and JSON body fields.
import { CatalogueField, CatalogueOp, fieldName } from './catalogue';
import { parseDate } from './dates';
import { ApiError, FieldErrors } from './problem';
import { QueryParams } from './query';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): boolean => typeof v === 'string' && UUID_RE.test(v);

class Collector {
	readonly errors: FieldErrors = {};
	add(field: string, message: string): void {
		(this.errors[field] ??= []).push(message);
	}
	throwIfAny(): void {
		if (Object.keys(this.errors).length) throw new ApiError(400, undefined, this.errors);
	}
}

/**
 * Path parameters: declared ones per their catalogue type/format; undeclared ones (operations whose
 * path is only a candidate) are ids, so uuids.
 */
export function validatePathParams(op: CatalogueOp, params: Record<string, string>): void {
	const errors = new Collector();
	for (const [name, value] of Object.entries(params)) {
		const declared = op.pathParams.find((p) => p.name.toLowerCase() === name.toLowerCase());
		const type = declared ? declared.type : 'string';
		const format = declared ? declared.format : 'uuid';
		if (type === 'integer' && !/^\d+$/.test(value)) errors.add(name, `The value '${value}' is not valid.`);
		if (format === 'uuid' && !isUuid(value)) errors.add(name, `The value '${value}' is not valid.`);
	}
	errors.throwIfAny();
}

function checkScalar(field: CatalogueField, name: string, value: string, errors: Collector): void {
	const bad = () => errors.add(name, `The value '${value}' is not valid for ${name}.`);
	if (field.type === 'integer' && !/^\s*-?\d+\s*$/.test(value)) bad();
	else if (field.type === 'boolean' && !/^(true|false)$/i.test(value.trim())) bad();
	else if (field.format === 'uuid' && !isUuid(value.trim())) bad();
	else if (field.format === 'date-time' && !parseDate(value)) bad();
	else if (field.enum && !field.enum.some((e) => e.toLowerCase() === value.trim().toLowerCase())) bad();
}

/** Required parameters and the type/format/enum of every value of every named catalogue parameter. */
export function validateQuery(op: CatalogueOp, q: QueryParams): void {
	const errors = new Collector();
	for (const field of op.query) {
		const name = fieldName(field);
		if (!name || field.format === 'SortModel') continue;
		const values = q.getAll(name).filter((v) => v !== '');
		if (field.required && !values.length) errors.add(name, `The ${name} field is required.`);
		for (const v of values) checkScalar(field, name, v, errors);
	}
	errors.throwIfAny();
}

export const isJsonBody = (op: CatalogueOp): boolean => !!op.body && /json/i.test(op.body.contentType);
export const isMultipartBody = (op: CatalogueOp): boolean => !!op.body && /multipart/i.test(op.body.contentType);

/** Renames body keys to the catalogue spelling when they match case-insensitively (System.Text.Json web defaults). */
export function normalizeBody(op: CatalogueOp, body: unknown): unknown {
	if (!op.body || !body || typeof body !== 'object' || Array.isArray(body)) return body;
	const names = op.body.fields.map(fieldName).filter((n): n is string => !!n);
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
		out[names.find((n) => n.toLowerCase() === key.toLowerCase()) ?? key] = value;
	}
	return out;
}

function checkField(field: CatalogueField, name: string, value: unknown, errors: Collector): void {
	const bad = (why: string) => errors.add(name, why);
	switch (field.type) {
		case 'string':
			if (typeof value !== 'string') bad(`The JSON value could not be converted to System.String. Path: $.${name}`);
			else if (field.format === 'uuid' && !isUuid(value)) bad(`The value '${value}' is not a valid Guid.`);
			else if (field.enum && !field.enum.some((e) => e.toLowerCase() === value.toLowerCase())) {
				bad(`Valid values are ${field.enum.map((e) => `"${e}"`).join(' and ')}.`);
			}
			break;
		case 'boolean':
			if (typeof value !== 'boolean') bad(`The JSON value could not be converted to System.Boolean. Path: $.${name}`);
			break;
		case 'integer':
			if (!Number.isInteger(value)) bad(`The JSON value could not be converted to System.Int32. Path: $.${name}`);
			break;
		case 'array':
			if (!Array.isArray(value)) bad(`The JSON value could not be converted to an array. Path: $.${name}`);
			else if (field.format === 'uuid') {
				value.forEach((v, i) => {
					if (!isUuid(v)) errors.add(`${name}[${i}]`, `The value '${v}' is not a valid Guid.`);
				});
			}
			break;
		case 'object':
			if (typeof value !== 'object' || Array.isArray(value)) bad(`The JSON value could not be converted to an object. Path: $.${name}`);
			break;
	}
}

/** A JSON body is present, is an object, has its required fields, and each known field has its type. */
export function validateJsonBody(op: CatalogueOp, body: unknown): void {
	if (!isJsonBody(op)) return;
	if (body === undefined) throw new ApiError(400, undefined, { '': ['A non-empty request body is required.'] });
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new ApiError(400, undefined, { $: ['The JSON value could not be converted to the request model.'] });
	}
	const errors = new Collector();
	for (const field of op.body!.fields) {
		const name = fieldName(field);
		if (!name) continue;
		const value = (body as Record<string, unknown>)[name];
		if (value === undefined || value === null || value === '') {
			if (field.required) errors.add(name, `The ${name} field is required.`);
			continue;
		}
		checkField(field, name, value, errors);
	}
	errors.throwIfAny();
}
