// Query-string access (case-insensitive keys, repeated keys kept), pagination and sorting.
import { invalid } from './problem';

export class QueryParams {
	private readonly byKey = new Map<string, string[]>();

	constructor(readonly pairs: Array<[string, string]>) {
		for (const [k, v] of pairs) {
			const key = k.toLowerCase();
			const list = this.byKey.get(key);
			if (list) list.push(v);
			else this.byKey.set(key, [v]);
		}
	}

	static fromSearch(rawQuery: string): QueryParams {
		return new QueryParams([...new URLSearchParams(rawQuery)]);
	}

	getAll(name: string): string[] {
		return this.byKey.get(name.toLowerCase()) ?? [];
	}

	/** First non-empty value (ASP.NET treats `?x=` as absent for optional scalars). */
	get(name: string): string | undefined {
		return this.getAll(name).find((v) => v !== '');
	}

	has(name: string): boolean {
		return this.get(name) !== undefined;
	}

	keys(): string[] {
		return [...this.byKey.keys()];
	}
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Paging {
	pageNumber: number;
	pageSize: number;
}

function intParam(q: QueryParams, name: string, fallback: number): number {
	const raw = q.get(name);
	return raw === undefined ? fallback : assertInt(raw, name);
}

/** `Pagination.PageNumber` (1-based, default 1) and `Pagination.PageSize` (1..200, default 50). */
export function parsePaging(q: QueryParams): Paging {
	const pageNumber = intParam(q, 'Pagination.PageNumber', 1);
	const pageSize = intParam(q, 'Pagination.PageSize', DEFAULT_PAGE_SIZE);
	if (pageNumber < 1) throw invalid('Pagination.PageNumber', 'PageNumber must be greater than or equal to 1.');
	if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
		throw invalid('Pagination.PageSize', `PageSize must be between 1 and ${MAX_PAGE_SIZE}.`);
	}
	return { pageNumber, pageSize };
}

export function pageOf<T>(items: readonly T[], paging: Paging) {
	const start = (paging.pageNumber - 1) * paging.pageSize;
	return {
		pageNumber: paging.pageNumber,
		pageSize: paging.pageSize,
		totalRecordCount: items.length,
		pageCount: Math.ceil(items.length / paging.pageSize),
		items: items.slice(start, start + paging.pageSize),
	};
}

export interface Sort {
	by: string;
	order: 'asc' | 'desc';
}

function sortOrder(raw: string | undefined, field: string): 'asc' | 'desc' {
	const order = (raw ?? 'asc').toLowerCase();
	if (order === 'asc' || order === 'ascending') return 'asc';
	if (order === 'desc' || order === 'descending') return 'desc';
	throw invalid(field, `The value '${raw}' is not valid for order (asc|desc).`);
}

/**
 * `Sorts[0].by=created&Sorts[0].order=asc&Sorts[1].by=...` (indexes from 0, binding stops at the first
 * gap, like ASP.NET), or the JSON notation `Sorts={"By":"name","Order":"Asc"}` (repeatable).
 */
export function parseSorts(q: QueryParams): Sort[] {
	const sorts: Sort[] = [];
	for (let i = 0; ; i++) {
		const by = q.get(`Sorts[${i}].by`);
		if (by === undefined) break;
		sorts.push({ by, order: sortOrder(q.get(`Sorts[${i}].order`), `Sorts[${i}].order`) });
	}
	for (const raw of q.getAll('Sorts')) {
		let parsed: Record<string, unknown>;
		try {
			parsed = JSON.parse(raw);
		} catch {
			throw invalid('Sorts', `The value '${raw}' is not valid for Sorts.`);
		}
		const get = (k: string) => Object.entries(parsed).find(([key]) => key.toLowerCase() === k)?.[1];
		const by = get('by');
		if (typeof by !== 'string' || !by) throw invalid('Sorts', `The value '${raw}' is not valid for Sorts.`);
		sorts.push({ by, order: sortOrder(get('order') as string | undefined, 'Sorts') });
	}
	return sorts;
}

/** An int32 or a 400. */
export function assertInt(value: string, field: string): number {
	const n = Number(value);
	if (!/^\s*-?\d+\s*$/.test(value) || n > 2147483647 || n < -2147483648) {
		throw invalid(field, `The value '${value}' is not valid.`);
	}
	return n;
}

export function parseBool(value: string, field: string): boolean {
	const v = value.trim().toLowerCase();
	if (v === 'true') return true;
	if (v === 'false') return false;
	throw invalid(field, `The value '${value}' is not valid.`);
}
