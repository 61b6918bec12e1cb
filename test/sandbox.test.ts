// The PM Cloud sandbox itself: OAuth, catalogue routing, lists, events, multipart, faults, rate limit, CLI.
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { inflateRawSync } from 'zlib';

import {
	CatalogueOp,
	DEFAULT_CATALOGUE,
	effectivePath,
	fieldName,
	operationKey,
	Sandbox,
	startSandbox,
} from './sandbox';
import { parseArgs } from './sandbox/cli';

const catalogue: CatalogueOp[] = JSON.parse(readFileSync(DEFAULT_CATALOGUE, 'utf8'));
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const CREDENTIALS = 'grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret';

interface CallOptions {
	body?: unknown;
	form?: FormData;
	token?: string | null;
	headers?: Record<string, string>;
}

function client(sb: () => Sandbox, token: () => string) {
	return async (method: string, path: string, opts: CallOptions = {}) => {
		const headers: Record<string, string> = { ...opts.headers };
		const bearer = opts.token === undefined ? token() : opts.token;
		if (bearer) headers.authorization = `Bearer ${bearer}`;
		let body: string | FormData | undefined;
		if (opts.form) body = opts.form;
		else if (opts.body !== undefined) {
			body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
			headers['content-type'] ??= 'application/json';
		}
		const url = path.startsWith('http') ? path : `${sb().url}/management-api${path}`;
		return fetch(url, { method, headers, body });
	};
}

const lastRequest = (sb: Sandbox) => sb.requests[sb.requests.length - 1];

/** The parsed JSON body of a response (any: assertions check its shape). */
const json = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

async function problem(res: Response, status: number) {
	expect(res.status).toBe(status);
	expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
	const body = await json(res);
	expect(body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), traceId: expect.any(String) });
	return body;
}

describe('sandbox', () => {
	let sb: Sandbox;
	let token: string;
	const call = client(() => sb, () => token);

	beforeAll(async () => {
		sb = await startSandbox();
		token = sb.issueToken();
	});
	afterAll(async () => sb?.close());
	beforeEach(() => {
		sb.faults.clear();
		sb.faults.stop();
		sb.faults.setRateLimit(false);
		sb.faults.latencyMs = 0;
	});

	describe('OAuth', () => {
		it('issues an opaque bearer token for form credentials and logs it apart from API requests', async () => {
			sb.clearLog();
			const res = await fetch(`${sb.url}/oauth/connect/token`, { method: 'POST', headers: FORM, body: `${CREDENTIALS}&scope=urn:management:api` });
			expect(res.status).toBe(200);
			const body = await json(res);
			expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'urn:management:api' });
			expect((await call('GET', '/v3/About', { token: body.access_token })).status).toBe(200);
			expect(sb.tokenRequests).toHaveLength(1);
			expect(sb.tokenRequests[0].body).toBe(`${CREDENTIALS}&scope=urn:management:api`);
			expect(sb.requests).toHaveLength(1);
			expect(sb.requests[0]).toMatchObject({ clientId: 'sandbox-client', operation: 'GET /v3/About', status: 200 });
			expect(sb.stats).toMatchObject({ tokenRequests: 1, tokensIssued: 1, apiRequests: 1 });
		});

		it('accepts HTTP Basic client authentication', async () => {
			const basic = Buffer.from('sandbox-client:sandbox-secret').toString('base64');
			const res = await fetch(`${sb.url}/oauth/connect/token`, { method: 'POST', headers: { ...FORM, authorization: `Basic ${basic}` }, body: 'grant_type=client_credentials' });
			expect(res.status).toBe(200);
		});

		it('rejects a wrong secret, an unknown client and a wrong grant', async () => {
			const post = (body: string, headers: Record<string, string> = {}) =>
				fetch(`${sb.url}/oauth/connect/token`, { method: 'POST', headers: { ...FORM, ...headers }, body });
			let res = await post('grant_type=client_credentials&client_id=sandbox-client&client_secret=nope');
			expect(res.status).toBe(400);
			expect(await json(res)).toMatchObject({ error: 'invalid_client' });
			res = await post('grant_type=client_credentials&client_id=who&client_secret=sandbox-secret');
			expect((await json(res)).error).toBe('invalid_client');
			res = await post('grant_type=client_credentials', { authorization: `Basic ${Buffer.from('sandbox-client:bad').toString('base64')}` });
			expect(res.status).toBe(401);
			expect((await json(res)).error).toBe('invalid_client');
			res = await post('grant_type=password&client_id=sandbox-client&client_secret=sandbox-secret');
			expect(res.status).toBe(400);
			expect((await json(res)).error).toBe('unsupported_grant_type');
		});

		it('answers 401 ProblemDetails without a valid bearer token', async () => {
			let res = await call('GET', '/v3/Computers', { token: null });
			await problem(res, 401);
			expect(res.headers.get('www-authenticate')).toBe('Bearer');
			res = await call('GET', '/v3/Computers', { token: 'forged' });
			await problem(res, 401);
			expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
		});

		it('expires tokens after tokenTtlSeconds on the sandbox clock, and revokes them all on demand', async () => {
			let clock = Date.UTC(2026, 0, 1);
			const timed = await startSandbox({ now: () => clock, tokenTtlSeconds: 60 });
			try {
				const res = await fetch(`${timed.url}/oauth/connect/token`, { method: 'POST', headers: FORM, body: CREDENTIALS });
				const { access_token, expires_in } = await json(res);
				expect(expires_in).toBe(60);
				const about = () => fetch(`${timed.url}/management-api/v3/About`, { headers: { authorization: `Bearer ${access_token}` } });
				clock += 59_999;
				expect((await about()).status).toBe(200);
				clock += 1;
				expect((await about()).status).toBe(401);
				const pasted = timed.issueToken();
				const withPasted = () => fetch(`${timed.url}/management-api/v3/About`, { headers: { authorization: `Bearer ${pasted}` } });
				expect((await withPasted()).status).toBe(200);
				timed.revokeTokens();
				expect((await withPasted()).status).toBe(401);
			} finally {
				await timed.close();
			}
		});
	});

	describe('routing from the catalogue', () => {
		it('refuses to start when a catalogue operation has no handler (a path the sandbox does not know)', async () => {
			const dir = mkdtempSync(join(tmpdir(), 'sandbox-cat-'));
			const changed = catalogue.map((op) => (op.path === '/v3/Computers/{id}' && op.method === 'GET' ? { ...op, path: '/v3/Computer/{id}' } : op));
			writeFileSync(join(dir, 'ops.json'), JSON.stringify(changed));
			await expect(startSandbox({ cataloguePath: join(dir, 'ops.json') })).rejects.toThrow(/no handler for GET \/v3\/Computer\/\{id\}/);
		});

		it('answers 404 outside the catalogue, 405 for another method, and matches literals case-insensitively', async () => {
			const body = await problem(await call('GET', '/v2/Computers'), 404);
			expect(body.detail).toMatch(/No catalogue operation/);
			expect(lastRequest(sb).operation).toBeUndefined();
			await problem(await call('GET', `${sb.url}/api/v3/Computers`), 404);
			const res = await call('PUT', '/v3/Computers');
			await problem(res, 405);
			expect(res.headers.get('allow')).toMatch(/GET/);
			const upper = await call('GET', `${sb.url}/MANAGEMENT-API/V3/computers/?pagination.pageSize=1`);
			expect(upper.status).toBe(200);
			expect(upper.headers.get('x-sandbox-operation')).toBe('GET /v3/Computers');
			expect((await json(upper)).pageSize).toBe(1);
		});

		it('routes every catalogue operation to its handler and answers 2xx to a valid request', async () => {
			const samples = await buildSamples(sb, call);
			const failures: string[] = [];
			for (const op of catalogue) {
				const key = operationKey(op);
				const sample = samples[key];
				if (!sample) {
					failures.push(`${key}: no sample request`);
					continue;
				}
				const res = await call(op.method, sample.path, sample);
				const record = lastRequest(sb);
				if (record.operation !== key || res.status === 405 || res.status < 200 || res.status > 299) {
					failures.push(`${key}: ${res.status} ${record.operation} ${await res.text()}`);
				}
			}
			expect(failures).toEqual([]);
		});
	});

	describe('paged lists', () => {
		it('pages with Pagination.PageNumber / PageSize (default 50) and reports totals', async () => {
			const total = sb.state.computers.size;
			let body = await json(call('GET', '/v3/Computers?Pagination.PageNumber=2&Pagination.PageSize=10'));
			expect(body).toMatchObject({ pageNumber: 2, pageSize: 10, totalRecordCount: total, pageCount: Math.ceil(total / 10) });
			expect(body.data).toHaveLength(Math.min(10, total - 10));
			body = await json(call('GET', '/v3/Computers'));
			expect(body.pageSize).toBe(50);
			const beyond = await json(call('GET', '/v3/Computers?Pagination.PageNumber=99&Pagination.PageSize=10'));
			expect(beyond.data).toEqual([]);
		});

		it('orders by created then id by default, and by Sorts[i].by/order (case-insensitive property names)', async () => {
			const byDefault = (await json(call('GET', '/v3/Computers?Pagination.PageSize=200'))).data as Array<{ created: string; id: string }>;
			const expected = [...byDefault].sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id));
			expect(byDefault.map((c) => c.id)).toEqual(expected.map((c) => c.id));
			const res = await call('GET', '/v3/Computers?Pagination.PageSize=200&Sorts[0].by=HostType&Sorts[0].order=desc&Sorts[1].by=host&Sorts[1].order=asc');
			const data = (await json(res)).data as Array<{ host: string; hostType: string }>;
			const sorted = [...data].sort((a, b) => b.hostType.localeCompare(a.hostType) || a.host.toLowerCase().localeCompare(b.host.toLowerCase()));
			expect(data.map((c) => c.host)).toEqual(sorted.map((c) => c.host));
			const policies = await json(call('GET', `/v3/Policies?Sorts=${encodeURIComponent('{"By":"name","Order":"Desc"}')}`));
			const names = policies.data.map((p: { name: string }) => p.name);
			expect(names).toEqual([...names].sort().reverse());
			const bad = await problem(await call('GET', '/v3/Computers?Sorts[0].by=colour'), 400);
			expect(Object.keys(bad.errors)).toEqual(['Sorts[0].by']);
		});

		it('filters a date range given as repeated Filter.X.Dates keys (inclusive), and by Single day', async () => {
			const all = sb.state.computers.all().map((c) => c.lastConnected).sort();
			const from = all[Math.floor(all.length / 4)];
			const to = all[Math.floor((all.length * 3) / 4)];
			const expected = all.filter((d) => d >= from && d <= to).length;
			const q = `Filter.LastConnected.Dates=${encodeURIComponent(from)}&Filter.LastConnected.Dates=${encodeURIComponent(to)}&Filter.LastConnected.SelectionMode=range&Pagination.PageSize=200`;
			const body = await json(call('GET', `/v3/Computers?${q}`));
			expect(body.totalRecordCount).toBe(expected);
			expect(body.data.every((c: { lastConnected: string }) => c.lastConnected >= from && c.lastConnected <= to)).toBe(true);
			expect(lastRequest(sb).query.filter(([k]) => k === 'Filter.LastConnected.Dates').map(([, v]) => v)).toEqual([from, to]);

			const day = from.slice(0, 10);
			const single = await json(call('GET', `/v3/Computers?Filter.LastConnected.Dates=${day}&Filter.LastConnected.SelectionMode=Single&Pagination.PageSize=200`));
			expect(single.totalRecordCount).toBe(all.filter((d) => d.startsWith(day)).length);

			const spaced = `${from.slice(0, 10)} ${from.slice(11, 19)}.1234567 +00:00`;
			expect((await call('GET', `/v3/Computers?Filter.LastConnected.Dates=${encodeURIComponent(spaced)}`)).status).toBe(200);
			const bad = await problem(await call('GET', '/v3/Computers?Filter.LastConnected.Dates=24/12/2020'), 400);
			expect(bad.errors).toHaveProperty(['Filter.LastConnected.Dates']);
		});

		it('applies the catalogue filters: contains, equals, bool, int compare', async () => {
			const host = sb.state.computers.all()[3].host;
			const byHost = await json(call('GET', `/v3/Computers?Filter.Host=${host.slice(2).toLowerCase()}`));
			expect(byHost.data.map((c: { host: string }) => c.host)).toContain(host);
			const pending = await json(call('GET', '/v3/Computers?Filter.State=pending&Pagination.PageSize=200'));
			expect(pending.totalRecordCount).toBe(sb.state.computers.all().filter((c) => c.authorisationState === 'Pending').length);
			const disabled = await json(call('GET', '/v3/Users?Filter.Disabled=false&Pagination.PageSize=200'));
			expect(disabled.data.every((u: { disabled: boolean }) => !u.disabled)).toBe(true);
			const big = await json(call('GET', '/v3/Groups?Filter.ComputerCount.Value=1&Filter.ComputerCount.Operator=GreaterThanOrEquals'));
			expect(big.data.every((g: { computerCount: number }) => g.computerCount >= 1)).toBe(true);
			expect((await call('GET', '/v3/Computers?Filter.ComputerId=not-a-guid')).status).toBe(400);
		});

		it('returns ProblemDetails for PageSize 201, PageSize 0 and PageNumber 0', async () => {
			const big = await problem(await call('GET', '/v3/Computers?Pagination.PageSize=201'), 400);
			expect(big.errors).toHaveProperty(['Pagination.PageSize']);
			await problem(await call('GET', '/v3/Computers?Pagination.PageSize=0'), 400);
			const page = await problem(await call('GET', '/v3/Users?Pagination.PageNumber=0'), 400);
			expect(page.errors).toHaveProperty(['Pagination.PageNumber']);
		});

		it('serves plain-array operations as arrays and SCIM lists with startIndex/count/filter', async () => {
			const roles = await json(call('GET', '/v3/Roles'));
			expect(Array.isArray(roles)).toBe(true);
			expect(roles[0]).toEqual({ id: expect.any(String), name: expect.any(String), allowPermissions: expect.any(Array) });
			const res = await call('GET', '/scim/v2/Users?startIndex=2&count=3');
			expect(res.headers.get('content-type')).toMatch(/^application\/scim\+json/);
			const list = await json(res);
			expect(list).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: sb.state.users.size, itemsPerPage: 3, startIndex: 2 });
			const email = sb.state.users.all()[1].emailAddress;
			const filtered = await json(call('GET', `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`));
			expect(filtered.Resources.map((u: { userName: string }) => u.userName)).toEqual([email]);
			const bad = await call('GET', `/scim/v2/Users?filter=${encodeURIComponent('userName eq')}`);
			expect(bad.status).toBe(400);
			expect((await json(bad)).schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error']);
		});
	});

	describe('events', () => {
		it('FromStartDate returns events ingested at or after StartDate (7 fractional digits), in order, at most RecordSize', async () => {
			const [first, second] = sb.state.addEvents(2, { ingested: '2031-05-05T10:00:00.1234567Z' });
			const ingested = first.event.ingested;
			expect(ingested).toBe('2031-05-05T10:00:00.1234567Z');
			let body = await json(call('GET', `/v3/Events/FromStartDate?StartDate=${encodeURIComponent(ingested)}&RecordSize=1000`));
			expect(body.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([first.event.id, second.event.id]);
			expect(body.totalRecordsReturned).toBe(2);
			body = await json(call('GET', `/v3/Events/FromStartDate?StartDate=${encodeURIComponent('2031-05-05T10:00:00.1234568Z')}`));
			expect(body.events.map((e: { event: { id: string } }) => e.event.id)).toEqual([second.event.id]);
			body = await json(call('GET', `/v3/Events/FromStartDate?StartDate=${encodeURIComponent('2031-05-05 12:00:00.1234567 +02:00')}`));
			expect(body.totalRecordsReturned).toBe(2);

			const all = await json(call('GET', '/v3/Events/FromStartDate?StartDate=2000-01-01&RecordSize=3'));
			expect(all.totalRecordsReturned).toBe(3);
			const keys = all.events.map((e: { event: { ingested: string } }) => e.event.ingested.replace(/(Z|\+00:00)$/, ''));
			expect(keys).toEqual([...keys].sort());
			for (const e of all.events) {
				expect(e.event.ingested).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}(Z|\+00:00)$/);
				expect(Date.parse(e['@timestamp'])).toBeLessThan(Date.parse(e.event.ingested));
			}
		});

		it('FromStartDate validates StartDate and RecordSize', async () => {
			await problem(await call('GET', '/v3/Events/FromStartDate'), 400);
			await problem(await call('GET', '/v3/Events/FromStartDate?StartDate=yesterday'), 400);
			await problem(await call('GET', '/v3/Events/FromStartDate?StartDate=2020-01-01&RecordSize=1001'), 400);
			await problem(await call('GET', '/v3/Events/FromStartDate?StartDate=2020-01-01&RecordSize=0'), 400);
		});

		it('orders events sharing one ingestion instant by event id, and keeps back-dated ones in order', async () => {
			const burst = sb.state.addEvents(5, { ingested: '2032-01-01T00:00:00.0000000Z', sameTimestamp: true });
			const late = sb.state.addEvents(1, { ingested: '2031-12-31T23:59:59.9999999+00:00', timestamp: '2020-01-01T00:00:00Z' });
			const body = await json(call('GET', `/v3/Events/FromStartDate?StartDate=2031-12-31T23:59:59.9999999Z&RecordSize=10`));
			const ids = body.events.map((e: { event: { id: string } }) => e.event.id);
			expect(ids).toEqual([late[0].event.id, ...burst.map((e) => e.event.id).sort()]);
			expect(body.events[0]['@timestamp']).toBe('2020-01-01T00:00:00.000Z');
		});

		it('adds events after the newest one when no ingestion time is given', () => {
			const key = (e: { event: { ingested: string } }) => e.event.ingested.replace(/(Z|\+00:00)$/, '');
			const ahead = sb.state.addEvents(3, { ingested: new Date(Date.now() + 3_600_000) });
			const next = sb.state.addEvents(2, { sameTimestamp: true });
			expect(key(next[0]) > key(ahead[2])).toBe(true);
			expect(key(next[0])).toBe(key(next[1]));
			const rows = sb.state.events.rows();
			expect(rows[rows.length - 1].key).toBe(key(next[0]));
		});

		it('search filters by TimePeriod, OperatingSystem and event code, paged', async () => {
			const q = 'TimePeriod.StartDate=2000-01-01&TimePeriod.EndDate=2030-01-01&OperatingSystem=Windows&Pagination.PageSize=5';
			const body = await json(call('GET', `/v3/Events/search?${q}`));
			expect(body).toMatchObject({ pageNumber: 1, pageSize: 5, totalRecordCount: expect.any(Number), pageCount: expect.any(Number) });
			expect(body.events.every((e: { host: { os: { family: string } } }) => e.host.os.family === 'windows')).toBe(true);
			const code = body.events[0].event.code;
			const byCode = await json(call('GET', `/v3/Events/search?${q}&Events.EventCode=${code}&Pagination.PageSize=200`));
			expect(byCode.events.every((e: { event: { code: string } }) => e.event.code === code)).toBe(true);
			await problem(await call('GET', '/v3/Events/search?TimePeriod.StartDate=2000-01-01&TimePeriod.EndDate=2030-01-01'), 400);
			await problem(await call('GET', `/v3/Events/search?TimePeriod.StartDate=2000-01-01&TimePeriod.EndDate=2030-01-01&OperatingSystem=Beos`), 400);
		});
	});

	describe('records and state changes', () => {
		it('activity audits have integer ids and zone-less 7-digit created values, filterable by date', async () => {
			const body = await json(call('GET', '/v3/ActivityAudits/Details?Pagination.PageSize=200&Sorts[0].by=created&Sorts[0].order=asc'));
			expect(body.data[0].id).toEqual(expect.any(Number));
			expect(body.data[0].created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
			expect(Object.keys(body.data[0]).some((k) => k.endsWith('DataAuditing'))).toBe(true);
			const [audit] = sb.state.addActivityAudits(1, { created: '2033-03-03T03:03:03Z' });
			const ranged = await json(call('GET', '/v3/ActivityAudits?Filter.Created.Dates=2033-03-03&Filter.Created.Dates=2033-03-03&Filter.Created.SelectionMode=Range'));
			expect(ranged.data.map((a: { id: number }) => a.id)).toEqual([audit.id]);
			expect((await json(call('GET', `/v3/ActivityAudits/${audit.id}`))).created).toBe('2033-03-03T03:03:03.0000000');
			await problem(await call('GET', '/v3/ActivityAudits/abc'), 400);
		});

		it('answers 400 for a bad uuid in the path or body, 404 for unknown ids, 400 for malformed JSON or missing fields', async () => {
			const bad = await problem(await call('GET', '/v3/Computers/not-a-guid'), 400);
			expect(bad.errors).toHaveProperty('id');
			await problem(await call('GET', '/v3/Computers/00000000-0000-4000-8000-000000000000'), 404);
			await problem(await call('POST', '/v3/Computers/Archive', { body: { computerIds: ['nope'] } }), 400);
			await problem(await call('POST', '/v3/Groups', { body: '{"name": ' }), 400);
			await problem(await call('POST', '/v3/Groups', { body: 'name=x', headers: { 'content-type': 'text/plain' } }), 415);
			const missing = await problem(await call('POST', '/v1/Users/' + sb.state.users.all()[1].id + '/AssignRole', { body: {} }), 400);
			expect(missing.errors).toHaveProperty('roleId');
		});

		it('archives, deletes and authorises computers; deleting returns a task', async () => {
			const [a, b, c] = sb.state.addComputers(3, { authorisationState: 'Pending' });
			expect((await call('POST', `/v3/Computers/${a.id}/Archive`)).status).toBe(204);
			expect((await json(call('GET', `/v3/Computers/${a.id}`))).archived).toBe(true);
			expect((await call('POST', '/v3/Computers/Unarchive', { body: { computerIds: [a.id] } })).status).toBe(204);
			expect(sb.state.computers.find(a.id)?.archived).toBe(false);
			const group = sb.state.groups.all()[1];
			expect((await call('POST', '/v3/Computers/Authorise', { body: { computerIds: [b.id], groupId: group.id } })).status).toBe(200);
			expect(await json(call('GET', `/v3/Computers/${b.id}`))).toMatchObject({ authorisationState: 'Authorised', groupId: group.id, groupName: group.name });
			const res = await call('DELETE', '/v3/Computers', { body: { computerIds: [c.id] } });
			expect(res.status).toBe(201);
			const taskId = await json(res);
			expect(await json(call('GET', `/v3/Tasks/${taskId}`))).toMatchObject({ id: taskId, status: 'Completed', itemCount: 1 });
			await problem(await call('GET', `/v3/Computers/${c.id}`), 404);
			await problem(await call('POST', '/v3/Computers/Reject', { body: { computerIds: [c.id] } }), 404);
		});

		it('retrieves computer logs as a task and a downloadable zip', async () => {
			const computer = sb.state.computers.all()[0];
			const taskId = await json(call('POST', `/v3/Computers/${computer.id}/RetrieveLogs`));
			const logs = await json(call('GET', `/v3/Computers/${computer.id}/Logs`));
			const log = logs[logs.length - 1];
			expect(sb.state.computerLogs.find(log.id)?.taskId).toBe(taskId);
			const res = await call('GET', `/v3/Computers/${computer.id}/Logs/${log.id}/Download`);
			expect(res.headers.get('content-type')).toBe('application/zip');
			expect(res.headers.get('content-disposition')).toContain(`filename="${log.fileName}"`);
			const zip = Buffer.from(await res.arrayBuffer());
			expect(zip.readUInt32LE(0)).toBe(0x04034b50);
			const nameLength = zip.readUInt16LE(26);
			const packed = zip.subarray(30 + nameLength, 30 + nameLength + zip.readUInt32LE(18));
			expect(inflateRawSync(packed).toString('utf8')).toContain(computer.host);
			const commands = await json(call('GET', `/v3/Computers/${computer.id}/CommandLogs`));
			expect(commands.map((c: { taskId: string }) => c.taskId)).toContain(taskId);
		});

		it('creates users that then appear in lists, and applies decisions and notifications', async () => {
			const email = 'new.person@example.com';
			const created = await call('POST', '/v3/Users', { body: { EmailAddress: email, language: 'de-DE', roleResource: [{ admin: true }] } });
			expect(created.status).toBe(201);
			const id = await json(created);
			const list = await json(call('GET', `/v3/Users?Filter.EmailAddress=${encodeURIComponent(email)}`));
			expect(list.data).toEqual([expect.objectContaining({ id, emailAddress: email, language: 'de-DE', roles: [expect.objectContaining({ name: 'Administrator' })] })]);
			await problem(await call('POST', '/v3/Users', { body: { emailAddress: email } }), 400);
			await problem(await call('POST', '/v3/Users', { body: { emailAddress: 'x@elsewhere.org' } }), 400);

			const [request] = sb.state.addAdminAccessRequests(1, { decision: 'Pending' });
			const decide = (decision: string) =>
				call('POST', '/v3/AdminAccessRequest/decision', { body: { requestId: request.id, decision, duration: '600', decisionPerformedByUser: 'approver@example.com' } });
			expect((await decide('Approved')).status).toBe(200);
			const [record] = await json(call('GET', `/v3/AdminAccessRequest/${request.id}`));
			expect(record).toMatchObject({ requestId: request.id, decision: 'Approved', duration: '600', active: true });
			await problem(await decide('Denied'), 400);

			const [authz] = sb.state.addAuthorizationRequests(1, { decision: 'Pending' });
			const notification = {
				status: '2001', decision: 'Denied', decisionPerformedByUser: 'itsm', duration: 'Once', itsmRequestId: 'x',
				decisionTime: '2026-01-02 03:04:05', message: 'no', systemId: authz.systemId, ticketId: authz.ticketId, ticketUrl: 'https://itsm/x',
			};
			expect((await call('POST', '/v3/AuthorizationRequest/notification/', { body: notification })).status).toBe(200);
			const updated = await json(call('GET', `/v3/AuthorizationRequest/${authz.systemId}`));
			expect(updated.accessDecision).toMatchObject({ status: '2001', decision: 'Denied', decisionTime: '2026-01-02T03:04:05.000Z' });
			const withoutMessage = { ...notification, message: undefined };
			expect(Object.keys((await problem(await call('POST', '/v3/AuthorizationRequest/notification', { body: withoutMessage }), 400)).errors)).toEqual(['message']);
		});
	});

	describe('multipart', () => {
		it('creates a policy from an uploaded file and downloads identical bytes; uploads a revision', async () => {
			const bytes = Buffer.concat([Buffer.from('<?xml version="1.0"?><Configuration Name="Ünïcode">'), Buffer.from([0x00, 0xff, 0xfe, 0x80]), Buffer.from('</Configuration>')]);
			const form = new FormData();
			form.append('Name', 'Uploaded policy');
			form.append('Description', 'from the test');
			form.append('PolicyFile', new Blob([bytes]), 'policy.xml');
			const res = await call('POST', '/v3/Policies', { form });
			expect(res.status).toBe(201);
			const id = await json(res);
			expect(lastRequest(sb).multipart?.map((p) => p.name)).toEqual(['Name', 'Description', 'PolicyFile']);
			const download = await call('GET', `/v3/Policies/${id}/Content`);
			expect(download.headers.get('content-type')).toBe('application/xml');
			expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="Uploaded policy\.xml"/);
			expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);

			const second = Buffer.from('<Configuration RevisionNumber="2"/>');
			const upload = new FormData();
			upload.append('PolicyFile', new Blob([second]), 'v2.xml');
			upload.append('AutoAssignToGroup', 'true');
			const revisionId = await json(call('POST', `/v3/Policies/${id}/Upload`, { form: upload }));
			expect(Buffer.from(await (await call('GET', `/v3/Policies/${id}/Content`)).arrayBuffer()).equals(second)).toBe(true);
			const revisions = await json(call('GET', `/v3/Policies/${id}/Revisions`));
			expect(revisions.map((r: { id: string; revision: number }) => [r.id === revisionId, r.revision])).toEqual([[true, 2], [false, 1]]);
			const first = await call('GET', `/v3/Policies/Revisions/${revisions[1].id}/Content`);
			expect(Buffer.from(await first.arrayBuffer()).equals(bytes)).toBe(true);
		});

		it('rejects a missing file part (400) and a non-multipart body (415)', async () => {
			const form = new FormData();
			form.append('Name', 'No file');
			const missing = await problem(await call('POST', '/v3/Policies', { form }), 400);
			expect(missing.errors).toHaveProperty('PolicyFile');
			await problem(await call('POST', '/v3/Policies', { body: { Name: 'json' } }), 415);
		});

		it('assigns computers to a group from a CSV of host names and ids', async () => {
			const [a, b] = sb.state.addComputers(2);
			const group = sb.state.groups.all()[2];
			const form = new FormData();
			form.append('csvFile', new Blob([`Host\r\n${a.host.toLowerCase()}\r\n${b.id}\r\nNO-SUCH-HOST\r\n`], { type: 'text/csv' }), 'computers.csv');
			const res = await call('POST', `/v3/Groups/${group.id}/AssignComputersByCsv`, { form });
			expect(await json(res)).toEqual({ groupId: group.id, rows: 3, assignedComputers: 2, notFound: ['NO-SUCH-HOST'] });
			expect([sb.state.computers.find(a.id)?.groupId, sb.state.computers.find(b.id)?.groupId]).toEqual([group.id, group.id]);
		});
	});

	describe('faults', () => {
		it('answers 429 with Retry-After, then the next request normally', async () => {
			sb.faults.enqueue({ status: 429, retryAfterSeconds: 7 });
			const res = await call('GET', '/v3/About');
			await problem(res, 429);
			expect(res.headers.get('retry-after')).toBe('7');
			expect((await call('GET', '/v3/About')).status).toBe(200);
		});

		it('answers 503 (or a given body) only to requests matching method and path', async () => {
			sb.faults.enqueue({ status: 503 }, { method: 'GET', pathIncludes: '/groups' });
			expect((await call('GET', '/v3/Computers')).status).toBe(200);
			await problem(await call('GET', '/v3/Groups'), 503);
			sb.faults.enqueue({ status: 502, body: 'upstream down' });
			const res = await call('GET', '/v3/Groups');
			expect([res.status, await res.text()]).toEqual([502, 'upstream down']);
		});

		it('drops the connection without answering', async () => {
			sb.faults.enqueue({ drop: true });
			await expect(call('GET', '/v3/About')).rejects.toThrow();
			expect(lastRequest(sb)).toMatchObject({ status: 0, fault: 'drop' });
			expect((await call('GET', '/v3/About')).status).toBe(200);
		});

		it('delays a request and still answers it', async () => {
			sb.faults.enqueue({ delayMs: 30 });
			expect((await call('GET', '/v3/About')).status).toBe(200);
			expect(lastRequest(sb).fault).toBe('delay 30ms');
		});

		it('can target the token endpoint with pathIncludes', async () => {
			sb.faults.enqueue({ status: 429, retryAfterSeconds: 2 }, { pathIncludes: '/oauth/connect/token' });
			expect((await call('GET', '/v3/About')).status).toBe(200);
			const res = await fetch(`${sb.url}/oauth/connect/token`, { method: 'POST', headers: FORM, body: CREDENTIALS });
			expect([res.status, res.headers.get('retry-after')]).toEqual([429, '2']);
		});

		it('fails randomly (deterministically for a seed) until stopped', async () => {
			const run = async () => {
				sb.faults.failRandomly({ probability: 0.5, kinds: [{ status: 500 }, { status: 503 }], seed: 42 });
				const statuses: number[] = [];
				for (let i = 0; i < 12; i++) statuses.push((await call('GET', '/v3/About')).status);
				sb.faults.stop();
				return statuses;
			};
			const first = await run();
			expect(first.some((s) => s >= 500) && first.some((s) => s === 200)).toBe(true);
			expect(await run()).toEqual(first);
			expect((await call('GET', '/v3/About')).status).toBe(200);
		});
	});

	describe('rate limit', () => {
		it('enforces requests per sliding window per client with 429 + Retry-After, on the sandbox clock', async () => {
			let clock = Date.UTC(2026, 5, 1);
			const limited = await startSandbox({
				now: () => clock,
				rateLimit: { requests: 3, windowMs: 10_000 },
				clients: [
					{ clientId: 'one', clientSecret: 's1' },
					{ clientId: 'two', clientSecret: 's2' },
				],
			});
			try {
				const get = (t: string) => fetch(`${limited.url}/management-api/v3/About`, { headers: { authorization: `Bearer ${t}` } });
				const one = limited.issueToken('one');
				const two = limited.issueToken('two');
				for (let i = 0; i < 3; i++) {
					expect((await get(one)).status).toBe(200);
					clock += 1000;
				}
				const res = await get(one);
				await problem(res, 429);
				expect(res.headers.get('retry-after')).toBe('7');
				expect((await get(two)).status).toBe(200);
				expect(limited.stats.rateLimited).toBe(1);
				expect(limited.stats.requestsPerClient).toEqual({ one: 4, two: 1 });
				clock += 7000;
				expect((await get(one)).status).toBe(200);
				limited.faults.setRateLimit(false);
				for (let i = 0; i < 5; i++) expect((await get(one)).status).toBe(200);
			} finally {
				await limited.close();
			}
		});
	});

	describe('control API', () => {
		it('exposes stats, the request log, events, faults and log reset over HTTP', async () => {
			sb.clearLog();
			await call('GET', '/v3/About');
			const control = (path: string, body?: unknown) =>
				json(fetch(`${sb.url}/__sandbox/${path}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) }));
			const stats = await control('stats');
			expect(stats).toMatchObject({ apiRequests: 1, requestsPerOperation: { 'GET /v3/About': 1 }, counts: { computers: sb.state.computers.size } });
			const log = await control('requests?since=0');
			expect(log.requests.map((r: { operation: string }) => r.operation)).toEqual(['GET /v3/About']);
			expect((await control(`requests?since=${log.next}`)).requests).toEqual([]);
			const before = sb.state.events.size;
			const added = await control('events', { count: 3, sameTimestamp: true });
			expect(added.added).toBe(3);
			expect(new Set(added.items.map((e: { event: { ingested: string } }) => e.event.ingested.slice(0, 27))).size).toBe(1);
			expect(sb.state.events.size).toBe(before + 3);
			await control('faults', { fault: { status: 503 } });
			expect((await call('GET', '/v3/About')).status).toBe(503);
			await control('reset-log', {});
			expect(sb.requests).toEqual([]);
			const { access_token } = await control('token');
			expect((await call('GET', '/v3/About', { token: access_token })).status).toBe(200);
		});
	});

	describe('scale', () => {
		it('seeds 20,000 computers and 100,000 events and pages through them', async () => {
			const started = Date.now();
			const cpu = process.cpuUsage();
			const big = await startSandbox({ seed: { computers: 20_000, events: 100_000 } });
			const seedMs = Date.now() - started;
			const { user, system } = process.cpuUsage(cpu);
			try {
				expect(big.state.computers.size).toBe(20_000);
				expect(big.state.events.size).toBe(100_000);
				const auth = { authorization: `Bearer ${big.issueToken()}` };
				const events = await json(fetch(`${big.url}/management-api/v3/Events/FromStartDate?StartDate=2000-01-01`, { headers: auth }));
				expect(events.totalRecordsReturned).toBe(1000);
				const page = await json(fetch(`${big.url}/management-api/v3/Computers?Pagination.PageNumber=100&Pagination.PageSize=200&Sorts[0].by=host`, { headers: auth }));
				expect(page).toMatchObject({ totalRecordCount: 20_000, pageCount: 100 });
				expect(page.data).toHaveLength(200);
				console.log(`seeded 20,000 computers + 100,000 events in ${seedMs} ms (${Math.round((user + system) / 1000)} ms CPU)`);
			} finally {
				await big.close();
			}
		});
	});

	describe('CLI', () => {
		it('parses its options', () => {
			expect(parseArgs(['--port', '5680', '--latency=50', '--rate-limit', '1000/100', '--computers', '20000', '--events', '100000'])).toEqual({
				port: 5680,
				latencyMs: 50,
				rateLimit: { requests: 1000, windowMs: 100_000 },
				seed: { computers: 20000, events: 100000 },
				clients: [{ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' }],
			});
			expect(() => parseArgs(['--bogus'])).toThrow(/Unknown option/);
		});

		it('starts, prints its URL and credentials, serves the control API and stops on SIGTERM', async () => {
			const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'sandbox', 'cli.ts'), '--computers', '10', '--events', '10'], {
				cwd: join(__dirname, '..'),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			try {
				const line = await new Promise<string>((resolve, reject) => {
					let out = '';
					child.stdout.on('data', (d) => {
						out += d;
						if (out.includes('\n')) resolve(out.split('\n')[0]);
					});
					child.on('exit', (code) => reject(new Error(`cli exited with ${code}`)));
				});
				const info = JSON.parse(line);
				expect(info).toEqual({ url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
				const stats = await json(fetch(`${info.url}/__sandbox/stats`));
				expect(stats.counts).toMatchObject({ computers: 10, events: 10 });
				const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
				child.kill('SIGTERM');
				expect(await exit).toBe(0);
			} finally {
				if (child.exitCode === null) child.kill('SIGKILL');
			}
		});
	});
});

interface Sample extends CallOptions {
	path: string;
}

/** A valid request for every catalogue operation (ids from the seeded state, or created first). */
async function buildSamples(sb: Sandbox, call: ReturnType<typeof client>): Promise<Record<string, Sample>> {
	const s = sb.state;
	const computer = s.computers.all().find((c) => s.logsOf(c).length)!;
	const log = s.logsOf(computer)[0];
	const group = s.groups.all().find((g) => !g.isDefault)!;
	const policy = s.policies.all()[0];
	const revision = s.latestRevision(policy.id)!;
	const user = s.users.all()[1];
	const role = s.roles.all()[1];
	const id = async (res: Response) => (await json(res)) as string;
	const newComputer = () => s.addComputers(1)[0].id;
	const newGroup = async () => id(await call('POST', '/v3/Groups', { body: { name: `Temp ${Math.random()}` } }));
	const newUser = async () => id(await call('POST', '/v3/Users', { body: { emailAddress: `temp${Math.floor(Math.random() * 1e9)}@example.com` } }));
	const policyForm = (name?: string) => {
		const form = new FormData();
		if (name) form.append('Name', name);
		form.append('PolicyFile', new Blob(['<Configuration/>']), 'p.xml');
		return form;
	};
	const newPolicy = async () => id(await call('POST', '/v3/Policies', { form: policyForm(`Temp ${Math.random()}`) }));
	const domain = async () => id(await call('POST', '/v3/AcceptedDomains', { body: { domainName: `d${Math.floor(Math.random() * 1e9)}.example.org` } }));
	const csv = new FormData();
	csv.append('csvFile', new Blob([computer.host]), 'c.csv');
	const authz = s.authorizationRequests.all()[0];
	const scimUserId = s.users.all()[2].id;
	const pending = s.addAdminAccessRequests(1, { decision: 'Pending' })[0];

	const samples: Record<string, Sample> = {
		'GET /v3/AcceptedDomains': { path: '/v3/AcceptedDomains' },
		'POST /v3/AcceptedDomains': { path: '/v3/AcceptedDomains', body: { domainName: 'sample.example.net' } },
		'DELETE /v3/AcceptedDomains/{id}': { path: `/v3/AcceptedDomains/${await domain()}` },
		'GET /v3/AcceptedDomains/{id}': { path: `/v3/AcceptedDomains/${s.acceptedDomains.all()[0].id}` },
		'PUT /v3/AcceptedDomains/{id}': { path: `/v3/AcceptedDomains/${await domain()}`, body: { domain: 'renamed.example.net' } },
		'GET /v3/ActivityAudits': { path: '/v3/ActivityAudits?Filter.ChangedBy=Portal&Filter.Created.Dates=2000-01-01&Filter.Created.SelectionMode=Range' },
		'GET /v3/ActivityAudits/{id}': { path: `/v3/ActivityAudits/${s.activityAudits.all()[0].id}` },
		'GET /v3/ActivityAudits/Details': { path: '/v3/ActivityAudits/Details?Pagination.PageSize=5' },
		'POST /v3/AdminAccessRequest/decision': { path: '/v3/AdminAccessRequest/decision', body: { requestId: pending.id, decision: 'Denied' } },
		'POST /v3/AdminAccessRequest': { path: '/v3/AdminAccessRequest', body: { computerId: computer.id, userName: 'CORP\\jdoe', duration: '900', reason: 'test' } },
		'GET /v3/AdminAccessRequest': { path: '/v3/AdminAccessRequest?Filter.ActiveOnly=true&Filter.Created=2000-01-01T00:00:00Z' },
		'GET /v3/AdminAccessRequest/{requestId}': { path: `/v3/AdminAccessRequest/${s.adminAccessRequests.all()[0].id}` },
		'POST /v3/AppSwitcher/connector': { path: '/v3/AppSwitcher/connector', body: {} },
		'POST /v3/AuthorizationRequest/notification': {
			path: '/v3/AuthorizationRequest/notification',
			body: { status: '2000', decision: 'Approved', decisionPerformedByUser: 'u', duration: 'Once', itsmRequestId: 'r', decisionTime: '2026-01-01 00:00:00', message: 'ok', systemId: authz.systemId, ticketId: authz.ticketId, ticketUrl: 'https://x' },
		},
		'GET /v3/AuthorizationRequest': { path: '/v3/AuthorizationRequest?Sorts[0].by=created&Sorts[0].order=desc' },
		'GET /v3/AuthorizationRequest/{id}': { path: `/v3/AuthorizationRequest/${authz.id}` },
		'GET /v3/AuthorizationRequestAudits': { path: '/v3/AuthorizationRequestAudits?Filter.TimeOfRequest.Dates=2000-01-01&Filter.TimeOfRequest.Dates=2100-01-01' },
		'GET /v3/AuthorizationRequestAudits/{id}': { path: `/v3/AuthorizationRequestAudits/${s.authorizationRequestAudits.all()[0].id}` },
		'GET /v3/Computers': { path: '/v3/Computers?Filter.HostType=MicrosoftWindows' },
		'DELETE /v3/Computers': { path: '/v3/Computers', body: { computerIds: [newComputer()] } },
		'GET /v3/Computers/{id}': { path: `/v3/Computers/${computer.id}` },
		'POST /v3/Computers/Authorise': { path: '/v3/Computers/Authorise', body: { computerIds: [newComputer()] } },
		'POST /v3/Computers/Deactivate': { path: '/v3/Computers/Deactivate', body: { computerIds: [newComputer()] } },
		'POST /v3/Computers/RenewCertificate': { path: '/v3/Computers/RenewCertificate', body: { computerIds: [computer.id] } },
		'POST /v3/Computers/Reject': { path: '/v3/Computers/Reject', body: { computerIds: [newComputer()] } },
		'POST /v3/Computers/{id}/RetrieveLogs': { path: `/v3/Computers/${computer.id}/RetrieveLogs` },
		'POST /v3/Computers/RetrieveStatusInfo': { path: '/v3/Computers/RetrieveStatusInfo', body: { allComputers: true, filter: { hostType: 'Mac' } } },
		'GET /v3/Computers/{id}/CommandLogs': { path: `/v3/Computers/${computer.id}/CommandLogs` },
		'GET /v3/Computers/{id}/Logs': { path: `/v3/Computers/${computer.id}/Logs` },
		'GET /v3/Computers/{id}/Logs/{logId}/Download': { path: `/v3/Computers/${computer.id}/Logs/${log.id}/Download` },
		'POST /v3/Computers/{id}/Archive': { path: `/v3/Computers/${computer.id}/Archive` },
		'POST /v3/Computers/{id}/Unarchive': { path: `/v3/Computers/${computer.id}/Unarchive` },
		'POST /v3/Computers/Archive': { path: '/v3/Computers/Archive', body: { computerIds: [computer.id] } },
		'POST /v3/Computers/Unarchive': { path: '/v3/Computers/Unarchive', body: { computerIds: [computer.id] } },
		'GET /v3/File': { path: '/v3/File' },
		'GET /v3/GlobalRoles': { path: '/v3/GlobalRoles' },
		'GET /v3/GlobalRoles/{id}': { path: `/v3/GlobalRoles/${s.globalRoles.all()[0].id}` },
		'GET /v3/Groups': { path: '/v3/Groups?Filter.Name=a&Filter.ComputerCount=0' },
		'POST /v3/Groups': { path: '/v3/Groups', body: { name: 'Sample group', description: 'd', isDefault: false } },
		'PUT /v3/Groups': { path: '/v3/Groups', body: { id: group.id, name: `${group.name} (renamed)`, description: 'changed' } },
		'DELETE /v3/Groups/{id}': { path: `/v3/Groups/${await newGroup()}` },
		'GET /v3/Groups/{id}': { path: `/v3/Groups/${group.id}` },
		'PATCH /v3/Groups/{id}/MarkAsDefault': { path: `/v3/Groups/${s.groups.all().find((g) => g.isDefault)!.id}/MarkAsDefault` },
		'POST /v3/Groups/AutoAssignPolicyRevision': { path: '/v3/Groups/AutoAssignPolicyRevision', body: { policyId: policy.id } },
		'POST /v3/Groups/{id}/AssignPolicyRevision': { path: `/v3/Groups/${group.id}/AssignPolicyRevision`, body: { policyRevisionId: revision.id } },
		'POST /v3/Groups/AssignPolicyRevision': { path: '/v3/Groups/AssignPolicyRevision', body: { policyRevisionId: revision.id, groupIds: [group.id] } },
		'PATCH /v3/Groups/{id}/ClearPolicy': { path: `/v3/Groups/${await newGroup()}/ClearPolicy` },
		'POST /v3/Groups/ClearPolicy': { path: '/v3/Groups/ClearPolicy', body: { groupIds: [await newGroup()] } },
		'POST /v3/Groups/UnassignComputers': { path: '/v3/Groups/UnassignComputers', body: { selectionComputerIds: [newComputer()] } },
		'POST /v3/Groups/{id}/AssignComputers': { path: `/v3/Groups/${group.id}/AssignComputers`, body: { computerIds: [newComputer()] } },
		'POST /v3/Groups/{id}/AssignComputersByCsv': { path: `/v3/Groups/${group.id}/AssignComputersByCsv`, form: csv },
		'GET /v3/Policies': { path: '/v3/Policies?Filter.Name=e&Filter.Created.Dates=2000-01-01' },
		'POST /v3/Policies': { path: '/v3/Policies', form: policyForm('Sample policy') },
		'DELETE /v3/Policies/{id}': { path: `/v3/Policies/${await newPolicy()}` },
		'GET /v3/Policies/{id}': { path: `/v3/Policies/${policy.id}` },
		'PUT /v3/Policies/{id}': { path: `/v3/Policies/${await newPolicy()}`, body: { description: 'changed' } },
		'PATCH /v3/Policies/{id}/Revert': { path: `/v3/Policies/${policy.id}/Revert` },
		'GET /v3/Policies/{id}/Content': { path: `/v3/Policies/${policy.id}/Content` },
		'GET /v3/Policies/{id}/Revisions': { path: `/v3/Policies/${policy.id}/Revisions` },
		'GET /v3/Policies/{id}/AssignedGroups': { path: `/v3/Policies/${policy.id}/AssignedGroups` },
		'GET /v3/Policies/Revisions/{revisionId}/Content': { path: `/v3/Policies/Revisions/${revision.id}/Content` },
		'POST /v3/Policies/{id}/Upload': { path: `/v3/Policies/${await newPolicy()}/Upload`, form: policyForm() },
		'GET /v3/Roles': { path: '/v3/Roles' },
		'GET /v3/Roles/{id}': { path: `/v3/Roles/${role.id}` },
		'GET /v3/Tasks/{id}': { path: `/v3/Tasks/${s.createTask('Sample', 'Sample', [], 'test').id}` },
		'GET /v3/Users': { path: '/v3/Users?Filter.Language=en-US&Filter.LastSignedIn.Dates=2000-01-01' },
		'POST /v3/Users': { path: '/v3/Users', body: { emailAddress: 'sample.user@example.com', globalRolesIds: [s.globalRoles.all()[0].id], roleResource: [{ groupRoles: [role.id] }] } },
		'GET /v3/Users/{id}': { path: `/v3/Users/${user.id}` },
		'PUT /v3/Users/{id}': { path: `/v3/Users/${user.id}`, body: { language: 'fr-FR' } },
		'POST /v3/Users/{id}/AssignRoles': { path: `/v3/Users/${user.id}/AssignRoles`, body: { roleResource: [{ admin: false, policyRoles: [role.id] }], globalRolesIds: [] } },
		'PATCH /v3/Users/{id}/Disable': { path: `/v3/Users/${user.id}/Disable` },
		'PATCH /v3/Users/{id}/Enable': { path: `/v3/Users/${user.id}/Enable` },
		'PUT /v3/Users/{id}/ModifyPreferences': { path: `/v3/Users/${user.id}/ModifyPreferences`, body: { olsonTimeZoneId: 'Europe/Paris' } },
		'PATCH /v3/Users/{id}/ResendInvitation': { path: `/v3/Users/${await newUser()}/ResendInvitation` },
		'POST /v1/Users/{id}/AssignRole': { path: `/v1/Users/${user.id}/AssignRole`, body: { roleId: role.id } },
		'GET /v3/About': { path: '/v3/About' },
		'GET /v3/ApiAccounts': { path: '/v3/ApiAccounts' },
		'GET /v3/AuthenticationProvider': { path: '/v3/AuthenticationProvider' },
		'GET /v3/Events/FromStartDate': { path: '/v3/Events/FromStartDate?StartDate=2020-01-01T00:00:00.000Z&RecordSize=10' },
		'GET /v3/Events/search': { path: '/v3/Events/search?TimePeriod.StartDate=2020-01-01&TimePeriod.EndDate=2100-01-01&OperatingSystem=Mac&Events.EventType=Process' },
		'GET /scim/v2/ResourceTypes': { path: '/scim/v2/ResourceTypes' },
		'GET /scim/v2/ResourceTypes/User': { path: '/scim/v2/ResourceTypes/User' },
		'GET /scim/v2/ResourceTypes/Role': { path: '/scim/v2/ResourceTypes/Role' },
		'GET /scim/v2/Roles': { path: `/scim/v2/Roles?filter=${encodeURIComponent(`displayName eq "${role.name}"`)}&startIndex=1&count=10` },
		'GET /scim/v2/Schemas': { path: '/scim/v2/Schemas' },
		'GET /scim/v2/ServiceProviderConfig': { path: '/scim/v2/ServiceProviderConfig' },
		'GET /scim/v2/Users': { path: '/scim/v2/Users?startIndex=1&count=2' },
		'POST /scim/v2/Users': {
			path: '/scim/v2/Users',
			headers: { 'content-type': 'application/scim+json' },
			body: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'scim.user@example.com', emails: [{ type: 'work', primary: true, value: 'scim.user@example.com' }], active: true, roles: [{ value: role.id }] },
		},
		'GET /scim/v2/Users/{userID}': { path: `/scim/v2/Users/${scimUserId}` },
		'PUT /scim/v2/Users/{userID}': { path: `/scim/v2/Users/${scimUserId}`, headers: { 'content-type': 'application/scim+json' }, body: { locale: 'es-ES', active: true } },
		'PATCH /scim/v2/Users/{userID}': {
			path: `/scim/v2/Users/${scimUserId}`,
			headers: { 'content-type': 'application/scim+json' },
			body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations: [{ op: 'replace', path: 'active', value: false }, { op: 'replace', path: 'name.givenName', value: 'Pat' }] },
		},
		'POST /scim/v3/Users': { path: '/scim/v3/Users', body: { userName: 'scim.three@example.com', name: { givenName: 'S', familyName: 'Three' } } },
		'PATCH /scim/v3/Users/{userId}': { path: `/scim/v3/Users/${scimUserId}`, body: { operations: [{ op: 'replace', value: { active: true } }] } },
	};
	for (const op of catalogue) {
		// every sample path must be the catalogue path with its parameters filled in
		const sample = samples[operationKey(op)];
		if (sample) {
			const template = new RegExp(`^${effectivePath(op).replace(/\{[^}]+\}/g, '[^/]+')}(\\?|$)`);
			expect(sample.path).toMatch(template);
			for (const q of op.query) if (q.required && fieldName(q)) expect(sample.path).toContain(`${fieldName(q)}=`);
		}
	}
	return samples;
}
