import type { IDataObject } from 'n8n-workflow';

import type { QueryPairs } from './query';
import { type ApiRequest, type PmCloudContext, apiRequest } from './request';

/**
 * The list shapes of the API:
 * - `envelope`: `{ pageNumber, pageSize, totalRecordCount, pageCount, data }`, 1-based `Pagination.*`
 * - `eventsEnvelope`: the same with `events` instead of `data` (Events/search)
 * - `array`: a plain JSON array, one request
 * - `scim`: `{ totalResults, itemsPerPage, startIndex, Resources }`, 1-based `startIndex` + `count`
 */
export type ListShape = 'envelope' | 'eventsEnvelope' | 'array' | 'scim';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_CONCURRENCY = 6;

export interface PaginateOptions {
	/** Stop after this many items; undefined = all. */
	limit?: number;
	/** Pages fetched at once after the first (they are still returned in order). */
	concurrency?: number;
	pageSize?: number;
}

interface Page {
	items: IDataObject[];
	/** Total pages, known from the first page. */
	pageCount: number;
}

function itemsKey(shape: ListShape): string {
	return shape === 'eventsEnvelope' ? 'events' : shape === 'scim' ? 'Resources' : 'data';
}

function pageQuery(shape: ListShape, page: number, size: number): QueryPairs {
	if (shape === 'scim') {
		return [
			['startIndex', (page - 1) * size + 1],
			['count', size],
		];
	}
	return [
		['Pagination.PageNumber', page],
		['Pagination.PageSize', size],
	];
}

async function fetchPage(ctx: PmCloudContext, request: ApiRequest, shape: ListShape, page: number, size: number): Promise<Page> {
	const { body } = await apiRequest<IDataObject>(ctx, {
		...request,
		query: [...(request.query ?? []), ...pageQuery(shape, page, size)],
	});
	const raw = (body?.[itemsKey(shape)] ?? []) as IDataObject[];
	let pageCount: number;
	if (shape === 'scim') {
		const total = Number(body?.totalResults ?? raw.length);
		pageCount = Math.max(1, Math.ceil(total / size));
	} else {
		const total = Number(body?.totalRecordCount);
		pageCount = Number(body?.pageCount) || (Number.isFinite(total) ? Math.ceil(total / size) : page + (raw.length === size ? 1 : 0));
	}
	return { items: Array.isArray(raw) ? raw : [], pageCount };
}

/**
 * Yields the items of a list in the API's order. The first page tells how many pages exist; the rest are
 * fetched with bounded concurrency and yielded in order, so at most `concurrency` pages are held at once.
 */
export async function* paginate(
	ctx: PmCloudContext,
	request: ApiRequest,
	shape: ListShape,
	options: PaginateOptions = {},
): AsyncGenerator<IDataObject> {
	const limit = options.limit ?? Infinity;
	if (limit <= 0) return;
	if (shape === 'array') {
		const { body } = await apiRequest<unknown>(ctx, request);
		const list = Array.isArray(body) ? body : [];
		for (const item of list.slice(0, limit === Infinity ? undefined : limit)) yield item as IDataObject;
		return;
	}
	const size = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE, limit === Infinity ? MAX_PAGE_SIZE : Math.max(1, limit));
	const concurrency = Math.max(1, options.concurrency ?? DEFAULT_PAGE_CONCURRENCY);

	let emitted = 0;
	const first = await fetchPage(ctx, request, shape, 1, size);
	for (const item of first.items) {
		if (emitted++ >= limit) return;
		yield item;
	}
	if (first.items.length < size && first.pageCount <= 1) return;

	const lastPage = Math.min(first.pageCount, Math.ceil(limit / size));
	const inFlight = new Map<number, Promise<Page>>();
	let next = 2;
	const fill = () => {
		while (next <= lastPage && inFlight.size < concurrency) {
			const page = fetchPage(ctx, request, shape, next, size);
			page.catch(() => undefined); // observed below, in order; avoids an unhandled rejection meanwhile
			inFlight.set(next, page);
			next++;
		}
	};
	try {
		for (let page = 2; page <= lastPage; page++) {
			fill();
			const result = await inFlight.get(page)!;
			inFlight.delete(page);
			for (const item of result.items) {
				if (emitted++ >= limit) return;
				yield item;
			}
			if (result.items.length === 0) return;
		}
	} finally {
		inFlight.clear();
	}
}

export async function collect(iterator: AsyncGenerator<IDataObject>): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for await (const item of iterator) all.push(item);
	return all;
}
