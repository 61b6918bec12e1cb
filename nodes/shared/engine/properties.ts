import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { FieldDeclaration, OperationDeclaration, TagDeclaration } from '../catalogue/types';
import { locatorProperty } from './locators';

/**
 * Turns a tag's declarations into the node's parameters: the Operation dropdown, then per operation its
 * path IDs, required fields, Return All/Limit, Filters, Sort, Additional Fields and binary property.
 * Nothing here is specific to one tag.
 */
export const BINARY_PROPERTY = 'binaryPropertyName';
export const FILTERS = 'filters';
export const ADDITIONAL_FIELDS = 'additionalFields';
export const SORT = 'sort';
export const RAW_BODY_TOGGLE = 'jsonBody';

/** Required and primary fields are shown; the rest go under Filters / Additional Fields. */
export const isShown = (field: FieldDeclaration) => Boolean(field.required || field.primary);

const show = (operation: OperationDeclaration) => ({ show: { operation: [operation.value] } });

function fieldProperty(field: FieldDeclaration, inCollection: boolean): INodeProperties {
	const base = {
		displayName: field.displayName,
		name: field.name,
		description: field.description,
		required: inCollection ? undefined : field.required,
		placeholder: field.placeholder,
	};
	if (field.locator && !inCollection) return locatorProperty(field.locator, base);
	switch (field.kind) {
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'number':
		case 'integerId': {
			const typeOptions = { minValue: field.min, maxValue: field.max };
			return { ...base, type: 'number', default: field.default ?? field.min ?? 0, ...(field.min !== undefined || field.max !== undefined ? { typeOptions } : {}) };
		}
		case 'dateTime':
			return { ...base, type: 'dateTime', default: field.default ?? '' };
		case 'options':
			return { ...base, type: 'options', options: field.options ?? [], default: field.default ?? field.options?.[0]?.value ?? '' };
		case 'json':
			return { ...base, type: 'json', default: field.default ?? '' };
		case 'objectList':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: `Add ${field.displayName}`,
				options: [
					{
						displayName: field.displayName,
						name: 'values',
						values: (field.fields ?? []).map((sub) => fieldProperty(sub, true)),
					},
				],
			};
		case 'uuidList':
		case 'stringList':
			return {
				...base,
				type: 'string',
				default: field.default ?? '',
				placeholder: field.placeholder ?? 'e.g. id-1, id-2 (or an expression that returns an array)',
			};
		default:
			return { ...base, type: 'string', default: field.default ?? '' };
	}
}

function byName<T extends { displayName: string }>(list: T[]): T[] {
	return [...list].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function operationProperties(operation: OperationDeclaration): INodeProperties[] {
	const properties: INodeProperties[] = [];
	const add = (property: INodeProperties) => properties.push({ ...property, displayOptions: show(operation) });

	for (const field of operation.pathParams ?? []) add(fieldProperty({ required: true, ...field }, false));
	for (const field of (operation.query ?? []).filter(isShown)) add(fieldProperty(field, false));
	if (operation.rawJsonBody) {
		const raw = operation.rawJsonBody;
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the declared JSON template
		add({ displayName: raw.displayName, name: raw.name, type: 'json', default: raw.default, required: true, description: raw.description });
	}
	for (const field of (operation.body ?? []).filter(isShown)) add(fieldProperty(field, false));
	if (operation.multipart) {
		add({
			displayName: 'Input Binary Field',
			name: BINARY_PROPERTY,
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field containing the file to upload',
		});
		for (const field of operation.multipart.fields.filter(isShown)) add(fieldProperty(field, false));
	}
	if (operation.response === 'binary') {
		add({
			displayName: 'Put Output File in Field',
			name: BINARY_PROPERTY,
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the file in',
		});
	}
	if (operation.list) {
		add({
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		});
		properties.push({
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { operation: [operation.value], returnAll: [false] } },
		});
	}
	const optionalQuery = (operation.query ?? []).filter((f) => !isShown(f));
	const dateFields: FieldDeclaration[] = (operation.dateRanges ?? []).flatMap((range) => [
		{ api: `${range.api}.Dates`, name: `${range.name}After`, displayName: `${range.label} After`, kind: 'dateTime' as const },
		{ api: `${range.api}.Dates`, name: `${range.name}Before`, displayName: `${range.label} Before`, kind: 'dateTime' as const },
	]);
	if (optionalQuery.length || dateFields.length) {
		const isList = Boolean(operation.list);
		add({
			displayName: isList ? 'Filters' : 'Options',
			name: FILTERS,
			type: 'collection',
			placeholder: isList ? 'Add Filter' : 'Add Option',
			default: {},
			options: byName([...optionalQuery, ...dateFields].map((f) => fieldProperty(f, true))),
		});
	}
	if (operation.sorts?.length) {
		add({
			displayName: 'Sort',
			name: SORT,
			type: 'fixedCollection',
			placeholder: 'Add Sort Rule',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Rule',
					name: 'rules',
					values: [
						// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- defaults to created (or the first sortable field)
						{
							displayName: 'Field',
							name: 'by',
							type: 'options',
							options: operation.sorts
								.map((by) => ({ name: by[0].toUpperCase() + by.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2'), value: by }))
								.sort((a, b) => a.name.localeCompare(b.name)),
							default: operation.sorts.includes('created') ? 'created' : operation.sorts[0],
						},
						{
							displayName: 'Order',
							name: 'order',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'asc' },
								{ name: 'Descending', value: 'desc' },
							],
							default: 'asc',
						},
					],
				},
			],
		});
	}
	const optionalBody = [
		...(operation.body ?? []).filter((f) => !isShown(f)),
		...(operation.multipart?.fields ?? []).filter((f) => !isShown(f)),
	];
	if (optionalBody.length) {
		add({
			displayName: 'Additional Fields',
			name: ADDITIONAL_FIELDS,
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: byName(optionalBody.map((f) => fieldProperty(f, true))),
		});
	}
	return properties;
}

export function buildProperties(tag: TagDeclaration): INodeProperties[] {
	const operations: INodePropertyOptions[] = tag.operations
		.map(({ name, value, action, description, evidence }) => ({
			name,
			value,
			action,
			description: evidence === 'INF' ? `${description} (inferred endpoint, not yet confirmed on a tenant)` : description,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const first = tag.operations.find((op) => op.value === 'getMany') ?? tag.operations.find((op) => op.value === 'get') ?? tag.operations[0];
	return [
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the default is the tag's Get Many (or first) operation
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			options: operations,
			default: first.value,
		},
		...tag.operations.flatMap(operationProperties),
	];
}
