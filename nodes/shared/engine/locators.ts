import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import type { ResourceKind } from '../catalogue/types';
import { paginate } from '../transport/pagination';
import { apiRequest } from '../transport/request';
import type { ListShape } from '../transport/pagination';
import type { QueryPairs } from '../transport/query';
import { fillPath } from '../transport/query';

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** What a "From list" needs to know of each kind of record. */
interface LocatorSource {
	label: string;
	path: string;
	shape: ListShape;
	/** Query key the API filters names by (server-side search), if any. */
	searchFilter?: string;
	sortBy?: string;
	title: (item: IDataObject) => string;
	/** The locator depends on another parameter (policy revisions depend on the policy). */
	parent?: { parameter: string; placeholder: string };
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export const LOCATOR_SOURCES: Record<ResourceKind, LocatorSource> = {
	computer: {
		label: 'Computer',
		path: '/v3/Computers',
		shape: 'envelope',
		searchFilter: 'Filter.Host',
		sortBy: 'host',
		title: (item) => text(item.host ?? item.hostName ?? item.name ?? item.id),
	},
	group: {
		label: 'Group',
		path: '/v3/Groups',
		shape: 'envelope',
		searchFilter: 'Filter.Name',
		sortBy: 'name',
		title: (item) => text(item.name ?? item.id),
	},
	policy: {
		label: 'Policy',
		path: '/v3/Policies',
		shape: 'envelope',
		searchFilter: 'Filter.Name',
		sortBy: 'name',
		title: (item) => text(item.name ?? item.id),
	},
	policyRevision: {
		label: 'Policy Revision',
		path: '/v3/Policies/{id}/Revisions',
		shape: 'array',
		title: (item) =>
			`Revision ${text(item.revision ?? item.revisionNumber ?? item.version ?? item.id)}${item.created ? ` (${text(item.created).slice(0, 10)})` : ''}`,
		parent: { parameter: 'policyId', placeholder: 'id' },
	},
	user: {
		label: 'User',
		path: '/v3/Users',
		shape: 'envelope',
		searchFilter: 'Filter.EmailAddress',
		title: (item) => text(item.emailAddress ?? item.accountName ?? item.id),
	},
	role: { label: 'Role', path: '/v3/Roles', shape: 'array', title: (item) => text(item.name ?? item.id) },
	globalRole: {
		label: 'Global Role',
		path: '/v3/GlobalRoles',
		shape: 'envelope',
		title: (item) => text(item.name ?? item.id),
	},
};

export function searchMethodName(kind: ResourceKind): string {
	return `search${kind[0].toUpperCase()}${kind.slice(1)}s`;
}

/** A resource locator: "From list" (searchable) or "By ID" (validated UUID). */
export function locatorProperty(
	kind: ResourceKind,
	base: Pick<INodeProperties, 'displayName' | 'name' | 'description' | 'required'>,
): INodeProperties {
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${LOCATOR_SOURCES[kind].label.toLowerCase()}...`,
				typeOptions: { searchListMethod: searchMethodName(kind), searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 59a00329-87ac-49ec-bc2c-9b9e26f05185',
				validation: [
					{
						type: 'regex',
						properties: { regex: UUID_PATTERN, errorMessage: 'Not a valid ID (expected a UUID)' },
					},
				],
			},
		],
	};
}

const SEARCH_PAGE = 50;

async function search(
	this: ILoadOptionsFunctions,
	kind: ResourceKind,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const source = LOCATOR_SOURCES[kind];
	let path = source.path;
	if (source.parent) {
		const parentId = this.getNodeParameter(source.parent.parameter, '', { extractValue: true }) as string;
		if (!parentId) return { results: [] };
		path = fillPath(path, { [source.parent.placeholder]: parentId });
	}
	const page = Number(paginationToken ?? 1);
	const query: QueryPairs = [];
	if (filter && source.searchFilter) query.push([source.searchFilter, filter]);
	if (source.sortBy) query.push(['Sorts[0].by', source.sortBy], ['Sorts[0].order', 'asc']);
	const request = { method: 'GET' as const, path, label: `Search ${source.label}s`, permissionArea: 'Management' };
	let items: IDataObject[] = [];
	let more = false;
	if (source.shape === 'array') {
		for await (const item of paginate(this, { ...request, query }, 'array')) items.push(item);
	} else {
		// One page per call: n8n asks again with the token when the user scrolls.
		query.push(['Pagination.PageNumber', page], ['Pagination.PageSize', SEARCH_PAGE]);
		const { body } = await apiRequest<IDataObject>(this, { ...request, query });
		items = (body?.data ?? []) as IDataObject[];
		more = page < Number(body?.pageCount ?? 0);
	}
	const needle = filter?.toLowerCase();
	const results = items
		.map((item) => ({ name: source.title(item), value: text(item.id) }))
		.filter((entry) => entry.value && (!needle || source.searchFilter || entry.name.toLowerCase().includes(needle)));
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

export const listSearch = Object.fromEntries(
	(Object.keys(LOCATOR_SOURCES) as ResourceKind[]).map((kind) => [
		searchMethodName(kind),
		async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
			return await search.call(this, kind, filter, paginationToken);
		},
	]),
);
