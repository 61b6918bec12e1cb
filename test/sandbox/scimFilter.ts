// SCIM filter expressions (RFC 7644 §3.4.2.2): `attr op "value"` joined by and/or, with `pr`,
// parentheses and `not (...)`. Attribute names are case-insensitive; string compares are too.
import { ApiError } from './problem';

type Node =
	| { kind: 'cmp'; path: string; op: string; value: unknown }
	| { kind: 'and' | 'or'; left: Node; right: Node }
	| { kind: 'not'; inner: Node };

const TOKEN_RE = /\s*(\(|\)|"(?:[^"\\]|\\.)*"|[^\s()"]+)/y;

function tokenize(filter: string): string[] {
	const text = filter.trim();
	const tokens: string[] = [];
	TOKEN_RE.lastIndex = 0;
	while (TOKEN_RE.lastIndex < text.length) {
		const m = TOKEN_RE.exec(text);
		if (!m) throw invalidFilter(filter);
		tokens.push(m[1]);
	}
	return tokens;
}

const invalidFilter = (filter: string) => new ApiError(400, `The filter '${filter}' is not valid.`);

export function parseScimFilter(filter: string): (resource: unknown) => boolean {
	const tokens = tokenize(filter);
	let i = 0;
	const peek = () => tokens[i]?.toLowerCase();
	const literal = (t: string | undefined): unknown => {
		if (t === undefined) throw invalidFilter(filter);
		if (t.startsWith('"')) return JSON.parse(t);
		if (t === 'true' || t === 'false') return t === 'true';
		if (t === 'null') return null;
		if (!Number.isNaN(Number(t))) return Number(t);
		throw invalidFilter(filter);
	};
	const primary = (): Node => {
		if (peek() === '(') {
			i++;
			const node = expr();
			if (tokens[i++] !== ')') throw invalidFilter(filter);
			return node;
		}
		if (peek() === 'not') {
			i++;
			return { kind: 'not', inner: primary() };
		}
		const path = tokens[i++];
		const op = tokens[i++]?.toLowerCase();
		if (!path || !op || !['eq', 'ne', 'co', 'sw', 'ew', 'gt', 'ge', 'lt', 'le', 'pr'].includes(op)) throw invalidFilter(filter);
		return { kind: 'cmp', path, op, value: op === 'pr' ? undefined : literal(tokens[i++]) };
	};
	const conj = (): Node => {
		let node = primary();
		while (peek() === 'and') {
			i++;
			node = { kind: 'and', left: node, right: primary() };
		}
		return node;
	};
	const expr = (): Node => {
		let node = conj();
		while (peek() === 'or') {
			i++;
			node = { kind: 'or', left: node, right: conj() };
		}
		return node;
	};
	const root = expr();
	if (i !== tokens.length) throw invalidFilter(filter);
	return (resource) => evaluate(root, resource);
}

/** Every value at a dotted path (multi-valued attributes such as `emails.value` fan out). */
function valuesAt(resource: unknown, path: string): unknown[] {
	let current: unknown[] = [resource];
	for (const part of path.replace(/^urn:[^ ]*:/i, '').split('.')) {
		current = current.flatMap((v) => {
			if (!v || typeof v !== 'object') return [];
			const entry = Object.entries(v as Record<string, unknown>).find(([k]) => k.toLowerCase() === part.toLowerCase());
			const value = entry?.[1];
			return Array.isArray(value) ? value : value === undefined ? [] : [value];
		});
	}
	return current;
}

function compare(actual: unknown, op: string, expected: unknown): boolean {
	const a = typeof actual === 'string' ? actual.toLowerCase() : actual;
	const e = typeof expected === 'string' ? expected.toLowerCase() : expected;
	switch (op) {
		case 'eq': return a === e;
		case 'ne': return a !== e;
		case 'co': return typeof a === 'string' && a.includes(String(e));
		case 'sw': return typeof a === 'string' && a.startsWith(String(e));
		case 'ew': return typeof a === 'string' && a.endsWith(String(e));
		case 'gt': return (a as number) > (e as number);
		case 'ge': return (a as number) >= (e as number);
		case 'lt': return (a as number) < (e as number);
		case 'le': return (a as number) <= (e as number);
		default: return false;
	}
}

function evaluate(node: Node, resource: unknown): boolean {
	switch (node.kind) {
		case 'and': return evaluate(node.left, resource) && evaluate(node.right, resource);
		case 'or': return evaluate(node.left, resource) || evaluate(node.right, resource);
		case 'not': return !evaluate(node.inner, resource);
		case 'cmp': {
			const values = valuesAt(resource, node.path);
			if (node.op === 'pr') return values.some((v) => v !== null && v !== '');
			if (node.op === 'ne') return values.every((v) => compare(v, 'ne', node.value));
			return values.some((v) => compare(v, node.op, node.value));
		}
	}
}
