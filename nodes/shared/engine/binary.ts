import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ApiResponse } from '../transport/request';

/** `attachment; filename="a.xml"; filename*=UTF-8''a.xml` -> `a.xml` */
export function fileNameFromDisposition(disposition: string | undefined): string | undefined {
	if (!disposition) return undefined;
	const extended = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
	return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}

/** A downloaded file as an n8n item: the bytes in a binary field, the name, type and size in JSON. */
export async function toBinaryItem(
	ctx: IExecuteFunctions,
	response: ApiResponse<Buffer>,
	property: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const mimeType = (response.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const fileName = fileNameFromDisposition(response.headers['content-disposition']) ?? 'download';
	const binary = await ctx.helpers.prepareBinaryData(response.body, fileName, mimeType);
	return {
		json: { fileName, mimeType, fileSize: response.body.length },
		binary: { [property]: binary },
		pairedItem: { item: itemIndex },
	};
}
