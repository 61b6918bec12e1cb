import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type {
	DateRangeDeclaration,
	FieldDeclaration,
	MultipartDeclaration,
	OperationDeclaration,
	TagDeclaration,
} from '../catalogue/types';
import type { MultipartPart } from '../transport/multipart';
import { collect, paginate } from '../transport/pagination';
import type { QueryPairs, QueryValue } from '../transport/query';
import { fillPath } from '../transport/query';
import { type ApiRequest, type ApiResponse, apiRequest } from '../transport/request';
import { ADDITIONAL_FIELDS, BINARY_PROPERTY, FILTERS, SORT, isShown } from './properties';
import { convertField, fieldsToObject, invalidInput } from './values';
import { toBinaryItem } from './binary';

/** Input items processed at once; the shared rate limiter decides how fast requests really go. */
export const ITEM_CONCURRENCY = 8;

/** Everything one input item asks for, checked before any request is sent. */
interface PreparedCall {
	request: ApiRequest;
	limit?: number;
	binaryProperty?: string;
}

function param(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: unknown): unknown {
	return ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
}

/**
 * The values of a field group: shown fields are parameters of their own, the others sit in one collection
 * ("Filters" / "Additional Fields"). Returns values by parameter name.
 */
function readSection(ctx: IExecuteFunctions, fields: FieldDeclaration[], collection: string, itemIndex: number, hasCollection = fields.some((f) => !isShown(f))): IDataObject {
	const values: IDataObject = {};
	for (const field of fields.filter(isShown)) values[field.name] = param(ctx, field.name, itemIndex, undefined) as IDataObject[string];
	const collected = hasCollection ? ((ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject) ?? {}) : {};
	return { ...values, ...collected };
}

function pathOf(ctx: IExecuteFunctions, operation: OperationDeclaration, itemIndex: number): string {
	const values: Record<string, string | number> = {};
	for (const field of operation.pathParams ?? []) {
		values[field.api] = convertField(ctx, { required: true, ...field }, param(ctx, field.name, itemIndex, ''), itemIndex) as string | number;
	}
	return fillPath(operation.path, values);
}

function dateRangePairs(ctx: IExecuteFunctions, range: DateRangeDeclaration, filters: IDataObject, itemIndex: number): QueryPairs {
	const bound = (side: 'After' | 'Before') =>
		convertField(ctx, { api: range.api, name: `${range.name}${side}`, displayName: `${range.label} ${side}`, kind: 'dateTime' }, filters[`${range.name}${side}`], itemIndex) as
			| string
			| undefined;
	const after = bound('After');
	const before = bound('Before');
	if (after === undefined && before === undefined) return [];
	if (after && before && after > before) {
		throw invalidInput(ctx.getNode(), itemIndex, `${range.label} After`, 'is later than the "Before" date', 'Swap the two dates');
	}
	return [
		[`${range.api}.Dates`, [after ?? '1970-01-01T00:00:00.000Z', before ?? '9999-12-31T23:59:59.999Z']],
		[`${range.api}.SelectionMode`, 'Range'],
	];
}

function queryOf(ctx: IExecuteFunctions, operation: OperationDeclaration, itemIndex: number): QueryPairs {
	const query: QueryPairs = [];
	const fields = operation.query ?? [];
	const filters = readSection(ctx, fields, FILTERS, itemIndex, fields.some((f) => !isShown(f)) || Boolean(operation.dateRanges?.length));
	for (const field of fields) {
		if (!isShown(field) && !(field.name in filters)) continue;
		const value = convertField(ctx, field, filters[field.name], itemIndex);
		if (value !== undefined && !field.notSent) query.push([field.api, value as QueryValue]);
	}
	for (const range of operation.dateRanges ?? []) query.push(...dateRangePairs(ctx, range, filters, itemIndex));
	if (operation.sorts?.length) {
		let rules = ((ctx.getNodeParameter(SORT, itemIndex, {}) as IDataObject).rules ?? []) as IDataObject[];
		// Page numbers over a list that changes while it is read need a stable order (vendor advice).
		if (!rules.length && operation.sorts.includes('created')) rules = [{ by: 'created', order: 'asc' }];
		rules.forEach((rule, index) => query.push([`Sorts[${index}].by`, String(rule.by)], [`Sorts[${index}].order`, String(rule.order)]));
	}
	return query;
}

function jsonBodyOf(ctx: IExecuteFunctions, operation: OperationDeclaration, itemIndex: number): unknown {
	if (operation.rawJsonBody) {
		const raw = operation.rawJsonBody;
		const field: FieldDeclaration = { api: raw.name, name: raw.name, displayName: raw.displayName, kind: 'json', required: true };
		return convertField(ctx, field, ctx.getNodeParameter(raw.name, itemIndex), itemIndex);
	}
	if (!operation.body) return undefined;
	const body = fieldsToObject(ctx, operation.body, readSection(ctx, operation.body, ADDITIONAL_FIELDS, itemIndex), itemIndex);
	if (operation.requireOneOf) {
		const fields = operation.body.filter((f) => operation.requireOneOf!.includes(f.name));
		if (!fields.some((f) => body[f.api] !== undefined && body[f.api] !== false)) {
			const names = fields.map((f) => `"${f.displayName}"`).join(' or ');
			throw invalidInput(ctx.getNode(), itemIndex, names.replace(/"/g, ''), 'none is set', `Set ${names}`);
		}
	}
	return body;
}

async function multipartOf(ctx: IExecuteFunctions, multipart: MultipartDeclaration, itemIndex: number): Promise<MultipartPart[]> {
	const property = String(ctx.getNodeParameter(BINARY_PROPERTY, itemIndex, 'data'));
	const binary = ctx.getInputData()[itemIndex]?.binary?.[property];
	if (!binary) {
		throw invalidInput(
			ctx.getNode(),
			itemIndex,
			'Input Binary Field',
			`the input item has no binary field "${property}"`,
			'Add a node that reads the file first (e.g. Read/Write Files from Disk or HTTP Request) and enter the name of its binary field',
		);
	}
	const values = readSection(ctx, multipart.fields, ADDITIONAL_FIELDS, itemIndex);
	const parts: MultipartPart[] = [];
	for (const field of multipart.fields) {
		if (!isShown(field) && !(field.name in values)) continue; // unset optional parts are not sent
		const value = convertField(ctx, field, values[field.name], itemIndex);
		if (value !== undefined) parts.push({ name: field.api, value: String(value) });
	}
	parts.push({
		name: multipart.filePart,
		data: await ctx.helpers.getBinaryDataBuffer(itemIndex, property),
		fileName: binary.fileName ?? 'upload',
		contentType: binary.mimeType || multipart.defaultMimeType,
	});
	return parts;
}

async function prepare(
	ctx: IExecuteFunctions,
	tag: TagDeclaration,
	operation: OperationDeclaration,
	itemIndex: number,
): Promise<PreparedCall> {
	const request: ApiRequest = {
		method: operation.method,
		path: pathOf(ctx, operation, itemIndex),
		query: queryOf(ctx, operation, itemIndex),
		body: jsonBodyOf(ctx, operation, itemIndex),
		itemIndex,
		label: `${tag.displayName}: ${operation.name}`,
		permissionArea: tag.permissionArea,
		binary: operation.response === 'binary',
		contentType: operation.bodyContentType,
	};
	if (operation.multipart) request.multipart = await multipartOf(ctx, operation.multipart, itemIndex);

	const prepared: PreparedCall = { request };
	if (operation.list) {
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		prepared.limit = returnAll ? undefined : Number(ctx.getNodeParameter('limit', itemIndex, 50));
	}
	if (operation.response === 'binary') prepared.binaryProperty = String(ctx.getNodeParameter(BINARY_PROPERTY, itemIndex, 'data'));
	return prepared;
}

function shapeJson(operation: OperationDeclaration, response: ApiResponse): IDataObject[] {
	const { body } = response;
	switch (operation.response) {
		case 'deleted':
			// Bulk deletes may answer with the id of the task doing the work.
			return [typeof body === 'string' && body ? { deleted: true, taskId: body } : { deleted: true }];
		case 'empty':
			return [body && typeof body === 'object' ? (body as IDataObject) : { success: true }];
		case 'id':
			return [typeof body === 'string' && body ? { id: body } : body && typeof body === 'object' ? (body as IDataObject) : { success: true }];
		case 'task':
			return [typeof body === 'string' && body ? { success: true, taskId: body } : { success: true }];
		default:
			if (operation.itemsPath && body && typeof body === 'object') {
				const records = (body as IDataObject)[operation.itemsPath];
				return Array.isArray(records) ? (records as IDataObject[]) : [];
			}
			if (Array.isArray(body)) return body as IDataObject[];
			if (body && typeof body === 'object') return [body as IDataObject];
			if (body === '' || body === undefined || body === null) return [{ success: true }];
			return [{ value: body as string }];
	}
}

async function run(ctx: IExecuteFunctions, operation: OperationDeclaration, call: PreparedCall, itemIndex: number): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };
	if (operation.list) {
		const items = await collect(paginate(ctx, call.request, operation.list, { limit: call.limit }));
		return items.map((json) => ({ json, pairedItem }));
	}
	const response = await apiRequest(ctx, call.request);
	if (operation.response === 'binary') {
		return [await toBinaryItem(ctx, response as ApiResponse<Buffer>, call.binaryProperty ?? 'data', itemIndex)];
	}
	return shapeJson(operation, response).map((json) => ({ json, pairedItem }));
}

function asNodeError(node: INode, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error, { itemIndex });
}

/** Runs `worker` over 0..count-1 with at most `limit` at once; results keep their index. */
async function mapConcurrent<T>(
	count: number,
	limit: number,
	worker: (index: number) => Promise<T>,
	stop: (result: T) => boolean,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	let stopped = false;
	const lanes = Array.from({ length: Math.min(limit, count) }, async () => {
		while (next < count && !stopped) {
			const index = next++;
			results[index] = await worker(index);
			if (stop(results[index])) stopped = true;
		}
	});
	await Promise.all(lanes);
	return results;
}

/**
 * The execute() of every action node. All input items are validated first, so bad input stops the node
 * before anything was changed in the tenant (or, with Continue On Fail, becomes that item's error item).
 */
export async function executeOperation(this: IExecuteFunctions, tag: TagDeclaration): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operationValue = this.getNodeParameter('operation', 0) as string;
	const operation = tag.operations.find((op) => op.value === operationValue);
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationValue}" is not supported by ${tag.displayName}`);
	}
	const continueOnFail = this.continueOnFail();

	const prepared: Array<PreparedCall | Error> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			prepared.push(await prepare(this, tag, operation, i));
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this.getNode(), error as Error, i);
			prepared.push(error as Error);
		}
	}

	const results = await mapConcurrent(items.length, ITEM_CONCURRENCY, async (i): Promise<INodeExecutionData[] | Error> => {
		const call = prepared[i];
		if (call instanceof Error) return call;
		try {
			return await run(this, operation, call, i);
		} catch (error) {
			return error as Error;
		}
	}, (result) => result instanceof Error && !continueOnFail);

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
		if (result === undefined) continue; // not started: an earlier item failed
		if (result instanceof Error) {
			if (!continueOnFail) throw asNodeError(this.getNode(), result, i);
			output.push({ json: { error: result.message, description: (result as { description?: string }).description ?? null }, pairedItem: { item: i } });
		} else {
			output.push(...result);
		}
	}
	return [output];
}
