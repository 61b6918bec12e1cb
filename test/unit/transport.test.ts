import { apiErrorFixtures } from './fixtures';
import { problemMessage, toNodeApiError } from '../../nodes/shared/transport/apiError';
import { BASE_URL_EXPRESSION, normalizeBaseUrl } from '../../nodes/shared/transport/baseUrl';
import { buildMultipart } from '../../nodes/shared/transport/multipart';
import { encodeQuery, fillPath, sortPairs } from '../../nodes/shared/transport/query';
import { SlidingWindowLimiter } from '../../nodes/shared/transport/rateLimiter';
import { backoffMs, decideRetry, retryAfterMs } from '../../nodes/shared/transport/retryPolicy';

describe('query encoding', () => {
	it('keeps dotted names, repeats keys for lists and indexes sorts', () => {
		const qs = encodeQuery([
			['Pagination.PageSize', 200],
			['Filter.Created.Dates', ['2026-01-01T00:00:00.000Z', '2026-01-31T00:00:00.000Z']],
			['Filter.Created.SelectionMode', 'Range'],
			...sortPairs([
				{ by: 'created', order: 'asc' },
				{ by: 'host', order: 'desc' },
			]),
			['Filter.Host', 'a b&c=d'],
			['Empty', ''],
			['Missing', undefined],
		]);
		expect(qs).toBe(
			'Pagination.PageSize=200&Filter.Created.Dates=2026-01-01T00%3A00%3A00.000Z&Filter.Created.Dates=2026-01-31T00%3A00%3A00.000Z' +
				'&Filter.Created.SelectionMode=Range&Sorts[0].by=created&Sorts[0].order=asc&Sorts[1].by=host&Sorts[1].order=desc&Filter.Host=a%20b%26c%3Dd',
		);
		expect(qs).not.toMatch(/Dates\[/);
	});

	it('URL-encodes path parameters', () => {
		expect(fillPath('/v3/AuthorizationRequest/{id}', { id: 'INC 1/2?x' })).toBe('/v3/AuthorizationRequest/INC%201%2F2%3Fx');
		expect(() => fillPath('/v3/Computers/{id}', {})).toThrow('Path parameter "id" has no value');
	});
});

describe('base URL', () => {
	it.each([
		['https://acme-services.pm.beyondtrustcloud.com/', 'https://acme-services.pm.beyondtrustcloud.com'],
		['https://acme-services.pm.beyondtrustcloud.com/management-api/v3', 'https://acme-services.pm.beyondtrustcloud.com'],
		['https://acme.pm.beyondtrustcloud.com', 'https://acme-services.pm.beyondtrustcloud.com'],
		['acme-services.pm.beyondtrustcloud.com', 'https://acme-services.pm.beyondtrustcloud.com'],
		['http://127.0.0.1:5680//', 'http://127.0.0.1:5680'],
	])('%s -> %s', (input, expected) => {
		expect(normalizeBaseUrl(input)).toBe(expected);
	});

	it('refuses plain http to a remote host and empty values, with a hint', () => {
		expect(() => normalizeBaseUrl('http://acme-services.pm.beyondtrustcloud.com')).toThrow(/must use https/);
		expect(() => normalizeBaseUrl('  ')).toThrow(/empty/);
	});

	it('the credential test expression normalises like the code does', () => {
		// The expression is resolved by n8n; evaluate its JavaScript body the same way for these inputs.
		const body = BASE_URL_EXPRESSION.slice(3, -2).replace('$credentials.baseUrl', 'input');
		const evaluate = new Function('input', `return ${body};`) as (input: string) => string;
		for (const input of [
			'https://acme-services.pm.beyondtrustcloud.com/',
			'https://acme.pm.beyondtrustcloud.com/management-api/v3/',
			'http://127.0.0.1:5680',
		]) {
			expect(evaluate(input)).toBe(normalizeBaseUrl(input));
		}
	});
});

describe('multipart body', () => {
	it('builds exact RFC 7578 bytes', () => {
		const { body, contentType } = buildMultipart(
			[
				{ name: 'Name', value: 'Workstations' },
				{ name: 'PolicyFile', data: Buffer.from([0x3c, 0x78, 0x2f, 0x3e, 0x00, 0xff]), fileName: 'p.xml', contentType: 'application/xml' },
			],
			'BOUNDARY',
		);
		expect(contentType).toBe('multipart/form-data; boundary=BOUNDARY');
		const expected = Buffer.concat([
			Buffer.from('--BOUNDARY\r\nContent-Disposition: form-data; name="Name"\r\n\r\nWorkstations\r\n'),
			Buffer.from('--BOUNDARY\r\nContent-Disposition: form-data; name="PolicyFile"; filename="p.xml"\r\nContent-Type: application/xml\r\n\r\n'),
			Buffer.from([0x3c, 0x78, 0x2f, 0x3e, 0x00, 0xff]),
			Buffer.from('\r\n--BOUNDARY--\r\n'),
		]);
		expect(body.equals(expected)).toBe(true);
	});

	it('refuses a boundary that occurs in the payload', () => {
		expect(() => buildMultipart([{ name: 'a', value: 'xxBOUNDARYxx' }], 'BOUNDARY')).toThrow(/collides/);
	});
});

describe('sliding window limiter', () => {
	it('lets `limit` requests start in any window and schedules the rest one window (plus a margin) after the slot they reuse', async () => {
		let now = 1_000;
		const limiter = new SlidingWindowLimiter(3, 1_000, () => now);
		const reserve = (l: SlidingWindowLimiter) => (l as unknown as { reserve(): number }).reserve();
		expect([reserve(limiter), reserve(limiter), reserve(limiter)]).toEqual([1_000, 1_000, 1_000]);
		// The margin (max(250 ms, 1% of the window)) covers the time a request takes to reach the tenant.
		expect(reserve(limiter)).toBe(2_250);
		now = 1_500;
		expect(reserve(limiter)).toBe(2_250);
		expect(reserve(limiter)).toBe(2_250);
		expect(reserve(limiter)).toBe(3_500);
		expect(new SlidingWindowLimiter(1, 100_000, () => 0)['marginMs']).toBe(1_000);
	});

	it('holds everybody after a 429 until the pause ends', () => {
		const now = 5_000;
		const limiter = new SlidingWindowLimiter(100, 1_000, () => now);
		limiter.pause(8_000);
		expect((limiter as unknown as { reserve(): number }).reserve()).toBe(8_000);
	});

	it('never lets more than `limit` starts into any window, under a random schedule', () => {
		let now = 0;
		const limiter = new SlidingWindowLimiter(10, 1_000, () => now);
		const starts: number[] = [];
		for (let i = 0; i < 500; i++) {
			now += Math.floor(Math.random() * 80);
			starts.push((limiter as unknown as { reserve(): number }).reserve());
		}
		starts.sort((a, b) => a - b);
		for (let i = 10; i < starts.length; i++) expect(starts[i] - starts[i - 10]).toBeGreaterThanOrEqual(1_000);
	});
});

describe('retry policy', () => {
	it('retries 429 and 503 for any method, honouring Retry-After', () => {
		expect(decideRetry('POST', { status: 429, retryAfter: '7' })).toEqual({ retry: true, waitMs: 7_000 });
		expect(decideRetry('POST', { status: 503 }).retry).toBe(true);
	});

	it('repeats unknown outcomes only for idempotent methods', () => {
		expect(decideRetry('GET', { status: 502 }).retry).toBe(true);
		expect(decideRetry('POST', { status: 504 }).retry).toBe(false);
		expect(decideRetry('PUT', { code: 'ECONNRESET' }).retry).toBe(true);
		expect(decideRetry('POST', { code: 'ECONNRESET' }).retry).toBe(false);
		expect(decideRetry('POST', { code: 'ECONNREFUSED' }).retry).toBe(true);
		expect(decideRetry('GET', { status: 400 }).retry).toBe(false);
		expect(decideRetry('GET', { status: 500 }).retry).toBe(false);
	});

	it('parses Retry-After as seconds or a date, and backs off exponentially with a cap', () => {
		expect(retryAfterMs('2')).toBe(2_000);
		expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
		expect(retryAfterMs('soon')).toBeUndefined();
		for (let attempt = 1; attempt < 12; attempt++) {
			const ceiling = Math.min(30_000, 500 * 2 ** (attempt - 1));
			const delay = backoffMs(attempt);
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		}
	});
});

describe('API errors', () => {
	const node = { id: '1', name: 'Computers', type: 't', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };

	it('uses the ProblemDetails title, detail and validation messages', () => {
		expect(problemMessage(apiErrorFixtures.validation)).toBe(
			'One or more validation errors occurred; Pagination.PageSize: The field PageSize must be between 1 and 200',
		);
		const error = toNodeApiError({ status: 400, body: Buffer.from(JSON.stringify(apiErrorFixtures.validation)) }, {
			node,
			itemIndex: 2,
			operation: 'Computers: Get Many',
			permissionArea: 'Management',
		});
		expect(error.message).toBe('Computers: Get Many failed: One or more validation errors occurred; Pagination.PageSize: The field PageSize must be between 1 and 200');
		expect(error.httpCode).toBe('400');
		expect(error.context.itemIndex).toBe(2);
	});

	it('names the permission area on 403', () => {
		const error = toNodeApiError({ status: 403, body: '' }, { node, operation: 'Activity Audits: Get Many', permissionArea: 'Audit' });
		expect(error.description).toContain('"Audit" permission');
	});
});
