// Low-level HTTP helpers: body reading, sleeping, writing replies and ProblemDetails.
import type { IncomingMessage, ServerResponse } from 'http';
import type { Reply } from './handlers/context';
import { ApiError, problemBody, scimErrorBody } from './problem';

const MAX_BODY = 64 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY) {
				reject(new ApiError(413, 'Request body too large.'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export const sleep = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** ProblemDetails reply, or the SCIM error shape for SCIM operations. */
export function errorReply(err: ApiError, instance: string, scimStyle = false): Reply {
	return {
		status: err.status,
		json: scimStyle ? scimErrorBody(err) : problemBody(err, instance),
		contentType: scimStyle ? 'application/scim+json; charset=utf-8' : 'application/problem+json; charset=utf-8',
		headers: err.headers,
	};
}

/** Writes a reply unless the socket is gone. Returns the status written. */
export function writeReply(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string> = {}): number {
	if (res.destroyed || res.headersSent) return reply.status;
	const noBody = reply.status === 204 || reply.status === 304;
	let body: Buffer | undefined;
	let contentType = reply.contentType;
	if (!noBody && reply.raw) body = reply.raw;
	else if (!noBody && reply.json !== undefined) {
		body = Buffer.from(JSON.stringify(reply.json), 'utf8');
		contentType ??= 'application/json; charset=utf-8';
	}
	const headers: Record<string, string | number> = { ...extraHeaders, ...reply.headers };
	if (body) {
		headers['Content-Type'] = contentType ?? 'application/octet-stream';
		headers['Content-Length'] = body.length;
	} else if (!noBody) headers['Content-Length'] = 0;
	res.writeHead(reply.status, headers);
	res.end(body);
	return reply.status;
}
