// Handlers shared by every collection: paged list, plain-array list, get, delete.
import { coveredNames, ListSpec, runList } from '../listing';
import { invalid } from '../problem';
import type { SandboxState } from '../state';
import type { Store } from '../store';
import { done, Handler, HandlerContext, ok } from './context';

type StoreOf<T extends { id: string | number }> = (state: SandboxState) => Store<T>;
type View<T> = (item: T, state: SandboxState) => unknown;

/** The list spec behind each paged handler, so start-up can check it covers the catalogue's filters. */
export const listSpecs = new WeakMap<Handler, ListSpec<any>>();

/** `{ pageNumber, pageSize, totalRecordCount, pageCount, data }`. */
export function listHandler<T extends { id: string | number }>(spec: ListSpec<T>): Handler {
	const handler: Handler = (ctx) => {
		const page = runList(spec, ctx.query, ctx.allowedQuery, ctx.state);
		return ok({
			pageNumber: page.pageNumber,
			pageSize: page.pageSize,
			totalRecordCount: page.totalRecordCount,
			pageCount: page.pageCount,
			data: page.items.map((item) => spec.view(item, ctx.state)),
		});
	};
	listSpecs.set(handler, spec);
	return handler;
}

/** Names of `Filter.*` query parameters a paged handler's spec does not implement. */
export function uncoveredFilters(handler: Handler, queryNames: string[]): string[] {
	const spec = listSpecs.get(handler);
	if (!spec) return [];
	const covered = new Set(spec.filters.flatMap((f) => coveredNames(f)).map((n) => n.toLowerCase()));
	return queryNames.filter((n) => /^filter\./i.test(n) && !covered.has(n.toLowerCase()));
}

export function arrayHandler<T>(items: (ctx: HandlerContext) => readonly T[], view: View<T>): Handler {
	return (ctx) => ok(items(ctx).map((item) => view(item, ctx.state)));
}

export function getHandler<T extends { id: string | number }>(store: StoreOf<T>, view: View<T>, param = 'id'): Handler {
	return (ctx) => ok(view(store(ctx.state).require(ctx.params[param]), ctx.state));
}

export function deleteHandler<T extends { id: string | number }>(
	store: StoreOf<T>,
	beforeDelete?: (item: T, ctx: HandlerContext) => void,
): Handler {
	return (ctx) => {
		const item = store(ctx.state).require(ctx.params.id);
		beforeDelete?.(item, ctx);
		store(ctx.state).remove(item.id);
		return done(ctx.op);
	};
}

/** A trimmed, non-empty name no other item (but `self`) has, case-insensitively; else a 400 on `field`. */
export function uniqueName<T extends { name: string }>(items: readonly T[], name: string, field: string, entity: string, self?: T): string {
	const trimmed = name.trim();
	if (!trimmed) throw invalid(field, `The ${field} field is required.`);
	if (items.some((x) => x !== self && x.name.toLowerCase() === trimmed.toLowerCase())) {
		throw invalid(field, `A ${entity} named '${trimmed}' already exists.`);
	}
	return trimmed;
}

/** Copies the own enumerable fields except the listed ones. */
export function omit<T extends object, K extends keyof T>(item: T, ...keys: K[]): Omit<T, K> {
	const out = { ...item };
	for (const k of keys) delete out[k];
	return out;
}
