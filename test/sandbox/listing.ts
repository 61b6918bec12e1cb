// Generic list engine for the paged ("envelope") operations: catalogue-named filters, sorting, paging.
import { endOfDayKey, parseDate, toKey } from './dates';
import { invalid } from './problem';
import { assertInt, pageOf, parseBool, parsePaging, parseSorts, QueryParams, Sort } from './query';
import type { SandboxState } from './state';

/**
 * How a `Filter.*` query parameter matches:
 * - contains: case-insensitive substring;      - equals: case-insensitive equality (uuids, enums);
 * - bool / int: exact;                         - flag: `true` keeps items whose value is truthy, `false` keeps all;
 * - onOrAfter: item date >= the given date;
 * - dateRange: `<name>.Dates` (repeated: from, to; inclusive; a date-only `to` covers the whole day)
 *   with `<name>.SelectionMode` Range (default) | Single (same UTC day) | Multiple (any listed day);
 * - intCompare: `<name>=n` or `<name>.Value=n&<name>.Operator=GreaterThan|...`.
 */
export type FilterKind = 'contains' | 'equals' | 'bool' | 'int' | 'flag' | 'onOrAfter' | 'dateRange' | 'intCompare';

export interface FilterDef<T> {
	name: string;
	kind: FilterKind;
	get: (item: T, state: SandboxState) => unknown;
}

export interface ListSpec<T> {
	items: (state: SandboxState) => readonly T[];
	view: (item: T, state: SandboxState) => unknown;
	filters: FilterDef<T>[];
	/** Sortable properties, keyed lower-case. */
	sorts: Record<string, (item: T, state: SandboxState) => unknown>;
	/** Applied after the requested sorts; `id` asc is always the last tie-breaker. */
	defaultSort: Sort[];
}

/** The catalogue query names a filter definition answers to. */
export function coveredNames(def: { name: string; kind: FilterKind }): string[] {
	if (def.kind === 'dateRange') return [`${def.name}.Dates`, `${def.name}.SelectionMode`];
	if (def.kind === 'intCompare') return [def.name, `${def.name}.Value`, `${def.name}.Operator`];
	return [def.name];
}

type Test = (value: unknown) => boolean;

const lower = (v: unknown) => (v === null || v === undefined ? '' : String(v).toLowerCase());

function dateTest(name: string, q: QueryParams): Test | undefined {
	const raw = q.getAll(`${name}.Dates`).filter((v) => v !== '');
	if (!raw.length) return undefined;
	const dates = raw.map((d) => {
		const parsed = parseDate(d);
		if (!parsed) throw invalid(`${name}.Dates`, `The value '${d}' is not a valid date.`);
		return parsed;
	});
	const mode = (q.get(`${name}.SelectionMode`) ?? 'Range').toLowerCase();
	const keyOf = (v: unknown) => (typeof v === 'string' ? toKey(v) : undefined);
	if (mode === 'range') {
		const from = dates[0].key;
		const to = dates[1] ? (dates[1].dateOnly ? endOfDayKey(dates[1].key) : dates[1].key) : undefined;
		return (v) => {
			const k = keyOf(v);
			return !!k && k >= from && (to === undefined || k <= to);
		};
	}
	if (mode === 'single' || mode === 'multiple') {
		const days = new Set((mode === 'single' ? dates.slice(0, 1) : dates).map((d) => d.key.slice(0, 10)));
		return (v) => {
			const k = keyOf(v);
			return !!k && days.has(k.slice(0, 10));
		};
	}
	throw invalid(`${name}.SelectionMode`, `The value '${q.get(`${name}.SelectionMode`)}' is not valid (Single|Multiple|Range).`);
}

const OPERATORS: Record<string, (a: number, b: number) => boolean> = {
	equals: (a, b) => a === b,
	notequals: (a, b) => a !== b,
	greaterthan: (a, b) => a > b,
	greaterthanorequals: (a, b) => a >= b,
	lessthan: (a, b) => a < b,
	lessthanorequals: (a, b) => a <= b,
};
const OPERATOR_ALIASES: Record<string, string> = {
	eq: 'equals', equal: 'equals', '=': 'equals', ne: 'notequals', notequal: 'notequals',
	gt: 'greaterthan', '>': 'greaterthan', ge: 'greaterthanorequals', gte: 'greaterthanorequals',
	greaterthanorequal: 'greaterthanorequals', '>=': 'greaterthanorequals', lt: 'lessthan', '<': 'lessthan',
	le: 'lessthanorequals', lte: 'lessthanorequals', lessthanorequal: 'lessthanorequals', '<=': 'lessthanorequals',
};

function intCompareTest(name: string, q: QueryParams): Test | undefined {
	const exact = q.get(name);
	if (exact !== undefined) {
		const n = assertInt(exact, name);
		return (v) => v === n;
	}
	const value = q.get(`${name}.Value`);
	if (value === undefined) return undefined;
	const n = assertInt(value, `${name}.Value`);
	const rawOp = (q.get(`${name}.Operator`) ?? 'Equals').toLowerCase();
	const op = OPERATORS[OPERATOR_ALIASES[rawOp] ?? rawOp];
	if (!op) throw invalid(`${name}.Operator`, `The value '${rawOp}' is not a valid operator.`);
	return (v) => typeof v === 'number' && op(v, n);
}

function scalarTest(def: FilterDef<unknown>, q: QueryParams): Test | undefined {
	const raw = q.get(def.name);
	if (raw === undefined) return undefined;
	switch (def.kind) {
		case 'contains': {
			const needle = raw.toLowerCase();
			return (v) => lower(v).includes(needle);
		}
		case 'equals': {
			const wanted = raw.toLowerCase();
			return (v) => (Array.isArray(v) ? v.some((x) => lower(x) === wanted) : lower(v) === wanted);
		}
		case 'bool': {
			const b = parseBool(raw, def.name);
			return (v) => !!v === b;
		}
		case 'flag':
			return parseBool(raw, def.name) ? (v) => !!v : undefined;
		case 'int': {
			const n = assertInt(raw, def.name);
			return (v) => v === n;
		}
		case 'onOrAfter': {
			const parsed = parseDate(raw);
			if (!parsed) throw invalid(def.name, `The value '${raw}' is not a valid date.`);
			return (v) => {
				const k = typeof v === 'string' ? toKey(v) : undefined;
				return !!k && k >= parsed.key;
			};
		}
		default:
			return undefined;
	}
}

/**
 * One predicate for the filters present in `q`, limited to the names in `allowed` (the operation's
 * catalogue query names, lower-cased). Throws a 400 ApiError on malformed values.
 */
export function buildPredicate<T>(
	defs: FilterDef<T>[],
	q: QueryParams,
	allowed: Set<string>,
	state: SandboxState,
): (item: T) => boolean {
	const tests: Array<[FilterDef<T>, Test]> = [];
	for (const def of defs) {
		if (!coveredNames(def).some((n) => allowed.has(n.toLowerCase()))) continue;
		const test =
			def.kind === 'dateRange'
				? dateTest(def.name, q)
				: def.kind === 'intCompare'
					? intCompareTest(def.name, q)
					: scalarTest(def as FilterDef<unknown>, q);
		if (test) tests.push([def, test]);
	}
	return (item) => tests.every(([def, test]) => test(def.get(item, state)));
}

/**
 * A JSON filter object (`ComputerFilterModel`: `{ host: 'x', lastConnected: { dates: [...], selectionMode } }`)
 * as the equivalent `Filter.*` query, so bulk actions filter exactly like the list does.
 */
export function queryFromFilterObject(filter: unknown): QueryParams {
	const pairs: Array<[string, string]> = [];
	if (filter && typeof filter === 'object') {
		for (const [key, value] of Object.entries(filter as Record<string, unknown>)) {
			if (value === null || value === undefined) continue;
			const name = `Filter.${key}`;
			if (Array.isArray(value)) value.forEach((v) => pairs.push([name, String(v)]));
			else if (typeof value === 'object') {
				for (const [sub, subValue] of Object.entries(value as Record<string, unknown>)) {
					const values = Array.isArray(subValue) ? subValue : [subValue];
					values.filter((v) => v !== null && v !== undefined).forEach((v) => pairs.push([`${name}.${sub}`, String(v)]));
				}
			} else pairs.push([name, String(value)]);
		}
	}
	return new QueryParams(pairs);
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
	const sa = typeof a === 'string' ? a : String(a);
	const sb = typeof b === 'string' ? b : String(b);
	return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Sorts on precomputed keys (strings lower-cased); nulls last; stable. */
export function sortItems<T>(
	items: readonly T[],
	sorts: Array<{ get: (item: T) => unknown; desc: boolean }>,
): T[] {
	const rows = items.map((item) => ({
		item,
		keys: sorts.map((s) => {
			const v = s.get(item);
			return typeof v === 'string' ? v.toLowerCase() : v;
		}),
	}));
	rows.sort((x, y) => {
		for (let i = 0; i < sorts.length; i++) {
			const c = compareValues(x.keys[i], y.keys[i]);
			if (c !== 0) return sorts[i].desc && x.keys[i] != null && y.keys[i] != null ? -c : c;
		}
		return 0;
	});
	return rows.map((r) => r.item);
}

export interface ListResult<T> {
	pageNumber: number;
	pageSize: number;
	totalRecordCount: number;
	pageCount: number;
	items: T[];
}

/** Filter, sort and page a collection per the query; `allowed` = the operation's catalogue query names. */
export function runList<T extends { id: unknown }>(
	spec: ListSpec<T>,
	q: QueryParams,
	allowed: Set<string>,
	state: SandboxState,
): ListResult<T> {
	const paging = parsePaging(q);
	const requested = parseSorts(q).map((s, i) => {
		const get = spec.sorts[s.by.toLowerCase()];
		if (!get) {
			throw invalid(`Sorts[${i}].by`, `'${s.by}' is not a sortable property. Use one of: ${Object.keys(spec.sorts).join(', ')}.`);
		}
		return { get: (item: T) => get(item, state), desc: s.order === 'desc' };
	});
	const defaults = spec.defaultSort.map((s) => ({
		get: (item: T) => spec.sorts[s.by.toLowerCase()](item, state),
		desc: s.order === 'desc',
	}));
	const items = spec.items(state);
	const cacheKey = state.listCacheMs > 0 ? `${specId(spec)}?${q.pairs.filter(([k]) => !/^pagination\./i.test(k)).map((p) => p.join('=')).join('&')}` : '';
	const cached = cacheKey ? state.listCache.get(cacheKey) : undefined;
	if (cached && cached.size === items.length && state.now() - cached.at <= state.listCacheMs) return pageOf(cached.sorted as T[], paging);
	const predicate = buildPredicate(spec.filters, q, allowed, state);
	const sorted = sortItems(items.filter(predicate), [...requested, ...defaults, { get: (item: T) => item.id, desc: false }]);
	if (cacheKey) state.listCache.set(cacheKey, { at: state.now(), size: items.length, sorted });
	return pageOf(sorted, paging);
}

const specIds = new WeakMap<object, number>();
let nextSpecId = 1;
function specId(spec: object): number {
	if (!specIds.has(spec)) specIds.set(spec, nextSpecId++);
	return specIds.get(spec)!;
}
