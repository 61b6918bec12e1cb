import { randomBytes } from 'crypto';

/** One part of a multipart/form-data body: a text field, or a file with its name and type. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; data: Buffer; fileName: string; contentType: string };

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

function quote(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r|\n/g, ' ');
}

/**
 * Builds a multipart/form-data body by hand (RFC 7578), so the package needs no form-data dependency.
 * The boundary is random and checked against the payload.
 */
export function buildMultipart(parts: MultipartPart[], boundary = `----n8nPmCloud${randomBytes(12).toString('hex')}`): MultipartBody {
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const isFile = 'data' in part;
		const payload = isFile ? part.data : Buffer.from(part.value, 'utf8');
		if (payload.includes(boundary)) throw new Error('Multipart boundary collides with the payload');
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
		if (isFile) head += `; filename="${quote(part.fileName)}"\r\nContent-Type: ${part.contentType}`;
		chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'), payload, Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
