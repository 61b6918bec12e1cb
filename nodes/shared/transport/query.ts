/**
 * The query string the API expects: dotted names (`Pagination.PageSize`, `Filter.Created.SelectionMode`),
 * repeated keys for lists and date ranges (`Filter.Created.Dates=a&Filter.Created.Dates=b`) and indexed
 * sorts (`Sorts[0].by`). Never `Dates[0]=` or `Dates[]=`.
 */
export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | QueryScalar[] | null | undefined;
export type QueryPairs = Array<[string, QueryValue]>;

function encodeKey(key: string): string {
	return encodeURIComponent(key).replace(/%5B/gi, '[').replace(/%5D/gi, ']');
}

export function encodeQuery(pairs: QueryPairs): string {
	const parts: string[] = [];
	for (const [key, value] of pairs) {
		if (value === undefined || value === null || value === '') continue;
		const values = Array.isArray(value) ? value : [value];
		for (const single of values) {
			if (single === undefined || single === null || single === '') continue;
			parts.push(`${encodeKey(key)}=${encodeURIComponent(String(single))}`);
		}
	}
	return parts.join('&');
}

export interface SortSpec {
	by: string;
	order: 'asc' | 'desc';
}

export function sortPairs(sorts: SortSpec[]): QueryPairs {
	return sorts.flatMap((sort, index): QueryPairs => [
		[`Sorts[${index}].by`, sort.by],
		[`Sorts[${index}].order`, sort.order],
	]);
}

/** Replaces `{name}` segments with URL-encoded values; a missing value is a programming error. */
export function fillPath(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = values[name];
		if (value === undefined || value === '') throw new Error(`Path parameter "${name}" has no value`);
		return encodeURIComponent(String(value));
	});
}
