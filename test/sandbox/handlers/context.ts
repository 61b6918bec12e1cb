// What a handler receives and returns, and the reply shapes shared by all handlers.
import type { CatalogueOp } from '../catalogue';
import type { Task } from '../models';
import type { MultipartPart } from '../multipart';
import type { QueryParams } from '../query';
import type { SandboxState } from '../state';

export interface HandlerContext {
	op: CatalogueOp;
	/** `GET /v3/Computers/{id}` */
	key: string;
	params: Record<string, string>;
	query: QueryParams;
	/** Lower-cased catalogue query names of this operation (which filters it supports). */
	allowedQuery: Set<string>;
	/** Parsed JSON body (keys normalised to the catalogue spelling), or undefined. */
	body: any;
	multipart?: MultipartPart[];
	state: SandboxState;
	/** The API client that made the call (from the bearer token). */
	clientId: string;
	/** Every operation the sandbox serves. */
	catalogue: CatalogueOp[];
}

export interface Reply {
	status: number;
	json?: unknown;
	raw?: Buffer;
	contentType?: string;
	headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => Reply | Promise<Reply>;
export type HandlerTable = Record<string, Handler>;

/** A numeric status from the catalogue; for texts like "200 (empty) | 201 (uuid)", the one of a uuid reply. */
function catalogueStatus(op: CatalogueOp, fallback: number): number {
	const s = op.response.status;
	if (typeof s === 'number') return s;
	const m = typeof s === 'string' ? /(\d{3}) \(uuid\)/.exec(s) : null;
	return m ? Number(m[1]) : fallback;
}

export const ok = (json: unknown, status = 200): Reply => ({ status, json });

/** A create: the new id as a JSON string, 201 unless the catalogue says otherwise. */
export const created = (op: CatalogueOp, id: string): Reply => ({ status: catalogueStatus(op, 201), json: id });

/** An update or action without content: the catalogue's status, else 200 for `none` replies, else 204. */
export const done = (op: CatalogueOp): Reply => ({ status: catalogueStatus(op, op.response.kind === 'none' ? 200 : 204) });

/** An asynchronous action: the id of the Task to poll at `GET /v3/Tasks/{id}`. */
export const taskReply = (op: CatalogueOp, task: Task): Reply => ({ status: catalogueStatus(op, 200), json: task.id });

export function file(data: Buffer, contentType: string, filename: string): Reply {
	const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
	return {
		status: 200,
		raw: data,
		contentType,
		headers: { 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}` },
	};
}

export const scim = (json: unknown, status = 200): Reply => ({ status, json, contentType: 'application/scim+json; charset=utf-8' });
