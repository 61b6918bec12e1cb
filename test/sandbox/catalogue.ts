// The operation catalogue (test/fixtures/pmcloud-operations.json) and routing over it.
// Routes come only from this file: a node that calls a path the catalogue does not list gets a 404.
import { readFileSync } from 'fs';
import { join } from 'path';

export interface CatalogueField {
	name: string | null;
	nameInferred?: string | boolean;
	type: string | null;
	format?: string | null;
	enum?: string[] | null;
	required?: boolean | null;
	description?: string | null;
}

export interface CatalogueOp {
	tag: string;
	summary: string;
	method: string;
	path: string | null;
	pathCandidates?: string[];
	pathParams: Array<{ name: string; type: string | null; format?: string | null }>;
	query: CatalogueField[];
	body: null | { contentType: string; fields: CatalogueField[] };
	response: { kind: string; status?: number | string; fields?: CatalogueField[] };
}

export const DEFAULT_CATALOGUE = join(__dirname, '..', 'fixtures', 'pmcloud-operations.json');
export const API_PREFIX = '/management-api';

export function loadCatalogue(file = DEFAULT_CATALOGUE): CatalogueOp[] {
	return JSON.parse(readFileSync(file, 'utf8')) as CatalogueOp[];
}

/** The path an operation is served on: its known path, else its first candidate. */
export function effectivePath(op: CatalogueOp): string {
	const path = op.path ?? op.pathCandidates?.[0];
	if (!path) throw new Error(`Catalogue operation without a path: ${op.method} ${op.summary}`);
	return path;
}

/** `GET /v3/Computers/{id}`: how handlers, logs and stats name an operation. */
export function operationKey(op: CatalogueOp): string {
	return `${op.method.toUpperCase()} ${effectivePath(op)}`;
}

/**
 * The wire name of a query parameter or body field: `name`, else the first `|` alternative of
 * `nameInferred`. A trailing `?` (the catalogue's mark of doubt) is dropped. Undefined when unnamed.
 */
export function fieldName(field: CatalogueField): string | undefined {
	const raw = field.name ?? (typeof field.nameInferred === 'string' ? field.nameInferred.split('|')[0] : undefined);
	return raw?.replace(/\?$/, '') || undefined;
}

/** Named query parameters / body fields of an operation. */
export function queryNames(op: CatalogueOp): string[] {
	return op.query.map(fieldName).filter((n): n is string => !!n);
}

interface Segment {
	literal?: string; // lower-cased
	param?: string;
}

export interface Route {
	op: CatalogueOp;
	key: string;
	method: string;
	segments: Segment[];
}

export type RouteMatch =
	| { kind: 'ok'; route: Route; params: Record<string, string> }
	| { kind: 'notFound' }
	| { kind: 'methodNotAllowed'; allow: string[] };

function compile(op: CatalogueOp): Route {
	const segments = effectivePath(op)
		.split('/')
		.filter(Boolean)
		.map((s) => (/^\{.+\}$/.test(s) ? { param: s.slice(1, -1) } : { literal: s.toLowerCase() }));
	return { op, key: operationKey(op), method: op.method.toUpperCase(), segments };
}

/** Literal segments win over parameters, left to right (ASP.NET route precedence). */
function specificity(route: Route): string {
	return route.segments.map((s) => (s.literal !== undefined ? '1' : '0')).join('');
}

export class Router {
	readonly routes: Route[];

	constructor(ops: CatalogueOp[]) {
		this.routes = ops.map(compile).sort((a, b) => specificity(b).localeCompare(specificity(a)));
		const seen = new Set<string>();
		for (const r of this.routes) {
			const sig = `${r.method} ${r.segments.map((s) => s.literal ?? '{}').join('/')}`;
			if (seen.has(sig)) throw new Error(`Two catalogue operations share a route: ${r.key}`);
			seen.add(sig);
		}
	}

	/** `path` is the request path after `/management-api`; literal segments match case-insensitively. */
	match(method: string, path: string): RouteMatch {
		const parts = path.replace(/\/$/, '').split('/').slice(1);
		const allow = new Set<string>();
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method.toUpperCase()) return { kind: 'ok', route, params };
			allow.add(route.method);
		}
		return allow.size ? { kind: 'methodNotAllowed', allow: [...allow] } : { kind: 'notFound' };
	}
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
	if (segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < segments.length; i++) {
		const seg = segments[i];
		const part = parts[i];
		if (!part) return undefined;
		if (seg.literal !== undefined) {
			if (seg.literal !== part.toLowerCase()) return undefined;
		} else {
			try {
				params[seg.param!] = decodeURIComponent(part);
			} catch {
				return undefined;
			}
		}
	}
	return params;
}
