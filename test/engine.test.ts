/**
 * The shared request path end to end: n8n's engine, the real credential (preAuthentication + authenticate),
 * the transport (pagination, limiter, retries, errors), against the sandbox over HTTP.
 */
import type { IDataObject } from 'n8n-workflow';

import { BeyondTrustPmCloudComputers } from '../nodes/BeyondTrustPmCloudComputers/BeyondTrustPmCloudComputers.node';
import { type Sandbox, startSandbox } from './sandbox';
import { createHarness, makeNode, runNode } from './helpers/n8n';

const computersNode = new BeyondTrustPmCloudComputers();
const CLIENT = { authentication: 'clientCredentials', clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
const byId = (value: string) => ({ __rl: true, mode: 'id', value });

let clock = Date.now();
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ seed: { computers: 450 }, tokenTtlSeconds: 600, now: () => clock });
});
afterAll(async () => await sandbox?.close());
beforeEach(() => sandbox.clearLog());

function harness(overrides: IDataObject = {}) {
	return createHarness([computersNode], { baseUrl: `${sandbox.url}/`, ...CLIENT, ...overrides });
}
const getMany = (parameters: IDataObject = {}) => makeNode(computersNode, { operation: 'getMany', ...parameters });

describe('credential and token', () => {
	it('fetches one token, stores it, and reuses it across items and executions', async () => {
		const h = harness();
		const first = await runNode(h, getMany({ limit: 5 }), [{ json: {} }, { json: {} }, { json: {} }]);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(15);
		await runNode(h, getMany({ limit: 5 }));
		expect(sandbox.tokenRequests).toHaveLength(1);
		expect(h.credentials.updates).toHaveLength(1);
		expect(sandbox.requests.every((r) => String(r.headers.authorization).startsWith('Bearer '))).toBe(true);
	});

	it('fetches a new token once after expiry and after revocation', async () => {
		const h = harness();
		await runNode(h, getMany({ limit: 1 }));
		clock += 601_000; // the stored token has expired
		const afterExpiry = await runNode(h, getMany({ limit: 1 }));
		expect(afterExpiry.error).toBeUndefined();
		sandbox.revokeTokens();
		const afterRevocation = await runNode(h, getMany({ limit: 1 }));
		expect(afterRevocation.error).toBeUndefined();
		expect(sandbox.tokenRequests).toHaveLength(3);
		expect(sandbox.requests.filter((r) => r.status === 401)).toHaveLength(2);
	});

	it('reports refused client credentials without leaking the secret', async () => {
		const h = harness({ clientSecret: 'wrong-secret-value' });
		const run = await runNode(h, getMany({ limit: 1 }));
		expect(run.error?.message).toMatch(/refused the client credentials/);
		expect(JSON.stringify(run.run)).not.toContain('wrong-secret-value');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('uses a pasted access token as is', async () => {
		const h = createHarness([computersNode], { baseUrl: sandbox.url, authentication: 'accessToken', pastedAccessToken: sandbox.issueToken() });
		const run = await runNode(h, getMany({ limit: 2 }));
		expect(run.error).toBeUndefined();
		expect(sandbox.tokenRequests).toHaveLength(0);
	});
});

describe('pagination', () => {
	it('Return All reads every page of 200 once, in order', async () => {
		const run = await runNode(harness(), getMany({ returnAll: true, sort: { rules: [{ by: 'created', order: 'asc' }] } }));
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(450);
		const pages = sandbox.requests.map((r) => Object.fromEntries(r.query)['Pagination.PageNumber']);
		expect(pages.sort()).toEqual(['1', '2', '3']);
		expect(sandbox.requests.every((r) => Object.fromEntries(r.query)['Pagination.PageSize'] === '200')).toBe(true);
		const created = run.items.map((i) => String(i.json.created));
		expect(created).toEqual([...created].sort());
		expect(new Set(run.items.map((i) => i.json.id)).size).toBe(450);
	});

	it('Limit asks for no more than needed', async () => {
		const run = await runNode(harness(), getMany({ limit: 7 }));
		expect(run.items).toHaveLength(7);
		expect(sandbox.requests).toHaveLength(1);
		expect(Object.fromEntries(sandbox.requests[0].query)['Pagination.PageSize']).toBe('7');
	});

	it('sends date ranges as repeated keys with Range mode', async () => {
		await runNode(harness(), getMany({ limit: 3, filters: { lastConnectedAfter: '2026-01-01T00:00:00Z', lastConnectedBefore: '2026-12-31' } }));
		const query = sandbox.requests[0].query;
		expect(query.filter(([k]) => k === 'Filter.LastConnected.Dates').map(([, v]) => v)).toEqual([
			'2026-01-01T00:00:00.000Z',
			'2026-12-31T00:00:00.000Z',
		]);
		expect(query).toContainEqual(['Filter.LastConnected.SelectionMode', 'Range']);
	});
});

describe('retries and errors', () => {
	it('waits out a 429 with Retry-After and a 503, then succeeds', async () => {
		sandbox.faults.enqueue({ status: 429, retryAfterSeconds: 1 });
		sandbox.faults.enqueue({ status: 503 });
		const run = await runNode(harness(), getMany({ limit: 2 }));
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(sandbox.requests.map((r) => r.status)).toEqual([429, 503, 200]);
	});

	it('retries a dropped connection for GET but not for a POST whose outcome is unknown', async () => {
		sandbox.faults.enqueue({ drop: true });
		const get = await runNode(harness(), getMany({ limit: 1 }));
		expect(get.error).toBeUndefined();
		const id = String(get.items[0].json.id);
		sandbox.clearLog();
		sandbox.faults.enqueue({ drop: true });
		const archive = await runNode(harness(), makeNode(computersNode, { operation: 'archive', computerId: byId(id) }));
		expect(archive.error?.message).toMatch(/Computers: Archive failed/);
		expect(sandbox.requests.filter((r) => r.method === 'POST').length).toBeLessThanOrEqual(1);
	});

	it('turns ProblemDetails into a NodeApiError with the API words and a fix', async () => {
		const run = await runNode(harness(), makeNode(computersNode, { operation: 'get', computerId: byId('00000000-0000-4000-8000-000000000000') }));
		expect(run.error?.message).toMatch(/^Computers: Get failed: /);
		expect(run.error?.httpCode).toBe('404');
		expect(run.error?.description).toMatch(/Check the ID/);
	});
});

describe('bad input', () => {
	it('stops before any request, naming the field and the item', async () => {
		const run = await runNode(harness(), makeNode(computersNode, { operation: 'get', computerId: '={{ $json.id }}' }), [
			{ json: { id: '59a00329-87ac-49ec-bc2c-9b9e26f05185' } },
			{ json: { id: 'not-a-uuid' } },
		]);
		expect(run.error?.message).toBe('Computer: "not-a-uuid" is not a valid ID [item 1]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('with Continue On Fail, returns an error item for the bad input and goes on', async () => {
		const list = await runNode(harness(), getMany({ limit: 2 }));
		const ids = list.items.map((i) => String(i.json.id));
		sandbox.clearLog();
		const node = makeNode(computersNode, { operation: 'get', computerId: '={{ $json.id }}' }, { onError: 'continueRegularOutput' });
		const run = await runNode(harness(), node, [{ json: { id: ids[0] } }, { json: { id: 'bad' } }, { json: { id: ids[1] } }]);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.items[0].json.id).toBe(ids[0]);
		expect(run.items[1].json.error).toBe('Computer: "bad" is not a valid ID [item 1]');
		expect(run.items[2].json.id).toBe(ids[1]);
		expect(sandbox.requests).toHaveLength(2);
	});

	it('asks for Computer IDs or All Computers before a bulk action, and checks each ID', async () => {
		const none = await runNode(harness(), makeNode(computersNode, { operation: 'authorise' }));
		expect(none.error?.message).toBe('Computer IDs or All Computers: none is set [item 0]');
		expect(none.error?.description).toBe('Set "Computer IDs" or "All Computers"');
		const bad = await runNode(harness(), makeNode(computersNode, { operation: 'archiveMany', computerIds: '59a00329-87ac-49ec-bc2c-9b9e26f05185, 42' }));
		expect(bad.error?.message).toBe('Computer IDs: "42" is not a valid ID [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});

	it('rejects JSON that does not parse and a date that does not parse', async () => {
		const json = await runNode(harness(), makeNode(computersNode, { operation: 'reject', additionalFields: { computerFilter: '{"host": ' } }));
		expect(json.error?.message).toMatch(/^Computer Filter \(JSON\): is not valid JSON .* \[item 0\]$/);
		const date = await runNode(harness(), getMany({ filters: { lastConnectedAfter: 'yesterday-ish' } }));
		expect(date.error?.message).toBe('Last Connected After: "yesterday-ish" is not a date [item 0]');
		expect(sandbox.requests).toHaveLength(0);
	});
});
