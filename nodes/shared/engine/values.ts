import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FieldDeclaration } from '../catalogue/types';
import { UUID_PATTERN } from './locators';

const UUID = new RegExp(UUID_PATTERN);

/** Bad input, found before any request: names the field, the item and how to fix it. */
export function invalidInput(node: INode, itemIndex: number, field: string, problem: string, fix: string): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${problem} [item ${itemIndex}]`, { itemIndex, description: fix });
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		value === '' ||
		(Array.isArray(value) && value.length === 0) ||
		(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
	);
}

function toList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value)
		.split(/[,\n]/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** The UI's dateTime value (or any parseable date) as ISO 8601 UTC with milliseconds. */
export function toIsoDate(value: unknown): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	const raw = String((value as { toISO?: () => string })?.toISO?.() ?? value).trim();
	// A date without a zone is UTC for this API.
	const hasZone = /(z|[+-]\d\d:?\d\d)$/i.test(raw);
	const parsed = Date.parse(hasZone || /^\d{4}-\d\d-\d\d$/.test(raw) ? raw : `${raw.replace(' ', 'T')}Z`);
	return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

/**
 * Converts one parameter value to what the API takes, or throws a clear error.
 * Returns undefined for an empty optional value.
 */
export function convertField(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	field: FieldDeclaration,
	value: unknown,
	itemIndex: number,
): unknown {
	const node = ctx.getNode();
	if (isEmpty(value) && field.kind !== 'boolean' && field.kind !== 'number') {
		if (field.required) {
			throw invalidInput(node, itemIndex, field.displayName, 'is required', `Enter a value for "${field.displayName}"`);
		}
		return undefined;
	}
	switch (field.kind) {
		case 'uuid': {
			const id = String(value).trim();
			if (!UUID.test(id)) {
				throw invalidInput(
					node,
					itemIndex,
					field.displayName,
					`"${id}" is not a valid ID`,
					'Use the UUID of the record (e.g. 59a00329-87ac-49ec-bc2c-9b9e26f05185), or pick it "From List"',
				);
			}
			return id;
		}
		case 'integerId': {
			const id = Number(value);
			if (!Number.isInteger(id) || id < 0) {
				throw invalidInput(node, itemIndex, field.displayName, `"${String(value)}" is not a valid ID`, 'Use the numeric ID of the record');
			}
			return id;
		}
		case 'uuidList': {
			const ids = toList(value);
			const bad = ids.find((id) => !UUID.test(id));
			if (bad !== undefined) {
				throw invalidInput(
					node,
					itemIndex,
					field.displayName,
					`"${bad}" is not a valid ID`,
					'Enter UUIDs separated by commas, or an expression that returns an array of UUIDs',
				);
			}
			return ids;
		}
		case 'stringList':
			return toList(value);
		case 'number': {
			if (value === '' || value === undefined || value === null) return undefined;
			const number = Number(value);
			if (!Number.isFinite(number)) {
				throw invalidInput(node, itemIndex, field.displayName, `"${String(value)}" is not a number`, 'Enter a number');
			}
			if ((field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
				throw invalidInput(node, itemIndex, field.displayName, `${number} is out of range`, `Enter a number from ${field.min ?? '-∞'} to ${field.max ?? '∞'}`);
			}
			return number;
		}
		case 'boolean':
			return typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true';
		case 'dateTime': {
			const iso = toIsoDate(value);
			if (!iso) {
				throw invalidInput(
					node,
					itemIndex,
					field.displayName,
					`"${String(value)}" is not a date`,
					'Pick a date, or enter one such as 2026-01-31 or 2026-01-31T08:00:00Z',
				);
			}
			return iso;
		}
		case 'json': {
			if (typeof value !== 'string') return value;
			try {
				return JSON.parse(value);
			} catch (error) {
				throw invalidInput(
					node,
					itemIndex,
					field.displayName,
					`is not valid JSON (${(error as Error).message})`,
					'Correct the JSON, e.g. check quotes and commas',
				);
			}
		}
		case 'objectList': {
			const rows = ((value as IDataObject)?.values ?? value) as IDataObject[];
			return (Array.isArray(rows) ? rows : []).map((row) => fieldsToObject(ctx, field.fields ?? [], row, itemIndex));
		}
		default:
			return String(value);
	}
}

/** Sets `a.b.c` on an object, creating the intermediate objects. */
export function setPath(target: IDataObject, path: string, value: unknown): void {
	const keys = path.split('.');
	let cursor = target;
	for (const key of keys.slice(0, -1)) {
		cursor[key] = (cursor[key] as IDataObject) ?? {};
		cursor = cursor[key] as IDataObject;
	}
	cursor[keys[keys.length - 1]] = value as IDataObject[string];
}

/** Builds a JSON object from declared fields and the values the user set (by parameter name). */
export function fieldsToObject(
	ctx: Pick<IExecuteFunctions, 'getNode'>,
	fields: FieldDeclaration[],
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const result: IDataObject = {};
	for (const field of fields) {
		if (!(field.name in values) && !field.required) continue;
		if (field.primary && !field.required && (values[field.name] === '' || values[field.name] === undefined)) continue;
		const converted = convertField(ctx, field, values[field.name], itemIndex);
		if (converted !== undefined && !field.notSent) setPath(result, field.api, converted);
	}
	return result;
}
