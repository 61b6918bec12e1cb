/**
 * The trigger through n8n-core's PollContext with static data persisted between polls like the server does.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { BeyondTrustPmCloudTrigger } from '../nodes/BeyondTrustPmCloudTrigger/BeyondTrustPmCloudTrigger.node';
import { parseInstant } from '../nodes/shared/trigger/time';
import { type Sandbox, startSandbox } from './sandbox';
import { createHarness, makeNode, runPoll, type Harness } from './helpers/n8n';

const trigger = new BeyondTrustPmCloudTrigger();
let sandbox: Sandbox;
let harness: Harness;

beforeAll(async () => {
	sandbox = await startSandbox({ seed: { events: 50, activityAudits: 20 } });
	// The soak sends thousands of requests: lift the client-side limit so the test measures the trigger, not the limiter.
	harness = createHarness([trigger], { baseUrl: sandbox.url, authentication: 'clientCredentials', clientId: 'sandbox-client', clientSecret: 'sandbox-secret', rateLimitRequests: 1_000_000, rateLimitWindowSeconds: 1 });
});
afterAll(async () => await sandbox?.close());
beforeEach(() => {
	sandbox.clearLog();
	sandbox.faults.clear();
});

/**
 * Events as a tenant ingests them: never in the future of the previous batch. (The sandbox spaces a
 * batch 1 ms apart from "now", so a big batch reaches into the future; the next batch and the next
 * baseline start after it.)
 */
let lastIngestedMs = 0;
function addEvents(n: number, opts: IDataObject = {}): IDataObject[] {
	const base = Math.max(Date.now(), lastIngestedMs + 1);
	const added = sandbox.state.addEvents(n, { ...opts, ingested: new Date(base) }) as unknown as IDataObject[];
	lastIngestedMs = base + (opts.sameTimestamp ? 0 : n);
	return added;
}
const eventIds = (events: IDataObject[]) => events.map((e) => `newClientEvent:${(e.event as IDataObject).id}`);
async function settle() {
	const wait = lastIngestedMs + 2 - Date.now();
	if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

const node = (parameters: IDataObject = {}) => makeNode(trigger, { event: 'newClientEvent', ...parameters }, { name: 'PM Cloud Trigger' });
const ids = (result: INodeExecutionData[][] | null) => (result?.[0] ?? []).map((item) => String(item.json.eventId));

/** Polls like the server: static data saved after every successful poll. */
class Poller {
	staticData: IDataObject = {};
	constructor(readonly parameters: IDataObject = {}) {}
	async poll() {
		if (!this.staticData['node:PM Cloud Trigger']) await settle();
		const run = await runPoll(harness, node(this.parameters), this.staticData);
		if (!run.error) this.staticData = run.staticData;
		return run;
	}
	cursor(stream = 'newClientEvent'): string {
		return ((this.staticData['node:PM Cloud Trigger'] as IDataObject)?.[stream] as IDataObject)?.key as string;
	}
}

describe('baseline and empty polls', () => {
	it('first activation emits nothing, then only what arrives; empty polls keep the state and cost one request', async () => {
		const poller = new Poller();
		expect((await poller.poll()).result).toBeNull();
		const baseline = poller.cursor();
		expect(baseline).toBeDefined();
		sandbox.clearLog();
		const empty = await poller.poll();
		expect(empty.result).toBeNull();
		expect(sandbox.requests).toHaveLength(1);
		expect(poller.cursor()).toBe(baseline);
		const added = addEvents(3);
		const next = await poller.poll();
		expect(ids(next.result)).toEqual(eventIds(added));
		expect((await poller.poll()).result).toBeNull();
	});

	it('backfills when asked to', async () => {
		const poller = new Poller({ startFrom: 'lastWeek' });
		const first = await poller.poll();
		expect(first.result?.[0].length).toBeGreaterThan(0);
	});

	it('manual mode returns the newest events and leaves the state alone', async () => {
		const run = await runPoll(harness, node(), {}, 'manual');
		expect(run.result?.[0].length).toBeGreaterThan(0);
		expect(run.result![0].length).toBeLessThanOrEqual(5);
		expect(run.staticData).toEqual({});
	});
});

describe('backlogs and bursts', () => {
	it('drains a backlog larger than the cap over several polls, in order, none lost or twice', async () => {
		const poller = new Poller({ options: { maxItemsPerPoll: 700 } });
		await poller.poll();
		const added = addEvents(2500)
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) seen.push(...ids((await poller.poll()).result));
		expect(seen).toEqual(added.map((e) => `newClientEvent:${(e.event as IDataObject).id}`));
	});

	it('passes a same-timestamp burst larger than a page without stalling', async () => {
		const poller = new Poller();
		await poller.poll();
		const burst = addEvents(2300, { sameTimestamp: true })
		const after = addEvents(2)
		const seen = ids((await poller.poll()).result);
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.sort()).toEqual([...burst, ...after].map((e) => `newClientEvent:${(e.event as IDataObject).id}`).sort());
		expect((await poller.poll()).result).toBeNull();
	});

	it('drains a same-timestamp burst larger than Max Items per Poll over several polls', async () => {
		const poller = new Poller({ options: { maxItemsPerPoll: 100 } });
		await poller.poll();
		const burst = addEvents(350, { sameTimestamp: true });
		const seen: string[] = [];
		for (let i = 0; i < 6; i++) seen.push(...ids((await poller.poll()).result));
		expect(new Set(seen).size).toBe(seen.length);
		expect(seen.sort()).toEqual(eventIds(burst).sort());
	});

	it('emits late events: old event time, new ingestion time', async () => {
		const poller = new Poller();
		await poller.poll();
		const late = addEvents(2, { timestamp: '2020-01-01T00:00:00Z' })
		expect(ids((await poller.poll()).result)).toEqual(late.map((e) => `newClientEvent:${(e.event as IDataObject).id}`));
	});

	it('a restart in the middle of a backlog goes on from the saved cursor', async () => {
		const poller = new Poller({ options: { maxItemsPerPoll: 300 } });
		await poller.poll();
		const added = addEvents(1000)
		const seen = ids((await poller.poll()).result);
		const restarted = new Poller({ options: { maxItemsPerPoll: 300 } });
		restarted.staticData = JSON.parse(JSON.stringify(poller.staticData));
		for (let i = 0; i < 4; i++) seen.push(...ids((await restarted.poll()).result));
		expect(seen).toEqual(added.map((e) => `newClientEvent:${(e.event as IDataObject).id}`));
	});
});

describe('faults', () => {
	it('429, 5xx and dropped connections mid-pagination are retried within the poll', async () => {
		const poller = new Poller();
		await poller.poll();
		const added = addEvents(2500)
		sandbox.faults.enqueue({ status: 429, retryAfterSeconds: 0 }, { pathIncludes: 'FromStartDate' });
		const first = await poller.poll();
		sandbox.faults.enqueue({ status: 503 }, { pathIncludes: 'FromStartDate' });
		sandbox.faults.enqueue({ drop: true }, { pathIncludes: 'FromStartDate' });
		const seen = [...ids(first.result), ...ids((await poller.poll()).result)];
		expect(seen).toEqual(added.map((e) => `newClientEvent:${(e.event as IDataObject).id}`));
		expect(sandbox.requests.some((r) => r.status === 429)).toBe(true);
	});

	it('a failing poll changes nothing; the next one delivers', async () => {
		const poller = new Poller();
		await poller.poll();
		const before = JSON.stringify(poller.staticData);
		const added = addEvents(5);
		sandbox.faults.enqueue({ status: 500 });
		const failed = await poller.poll();
		expect(failed.error?.message).toMatch(/^Trigger: New Client Event failed: /);
		expect(failed.changed).toBe(false);
		expect(JSON.stringify(poller.staticData)).toBe(before);
		expect(ids((await poller.poll()).result)).toEqual(eventIds(added));
	});

	it('fails loudly on 403, naming the permission the API account lacks, and keeps the state', async () => {
		const poller = new Poller({ event: 'newActivityAudit' });
		await poller.poll();
		const before = JSON.stringify(poller.staticData);
		sandbox.faults.enqueue({ status: 403 } as never, { pathIncludes: 'ActivityAudits' });
		const run = await poller.poll();
		expect(run.error?.message).toMatch(/^Trigger: New Activity Audit failed/);
		expect(run.error?.description).toContain('"Audit" permission');
		expect(JSON.stringify(poller.staticData)).toBe(before);
	});

	it('recovers once from a revoked token', async () => {
		const poller = new Poller();
		await poller.poll();
		const added = addEvents(2)
		sandbox.revokeTokens();
		const run = await poller.poll();
		expect(run.error).toBeUndefined();
		expect(ids(run.result)).toHaveLength(added.length);
	});
});

describe('other streams', () => {
	it('activity audits without a time zone are read as UTC and emitted once', async () => {
		const poller = new Poller({ event: 'newActivityAudit' });
		await poller.poll();
		const added = sandbox.state.addActivityAudits(3)
		expect(String(added[0].created)).not.toMatch(/Z|\+/);
		const run = await poller.poll();
		expect(ids(run.result)).toEqual(added.map((a) => `newActivityAudit:${a.id}`));
		expect((await poller.poll()).result).toBeNull();
		expect(parseInstant(String(added[0].created))!.key.endsWith('Z')).toBe(true);
	});

	it('new admin access requests and authorization requests', async () => {
		for (const [event, add] of [
			['newAdminAccessRequest', (n: number) => sandbox.state.addAdminAccessRequests(n)],
			['newAuthorizationRequest', (n: number) => sandbox.state.addAuthorizationRequests(n)],
		] as const) {
			const poller = new Poller({ event });
			await poller.poll();
			const added = add(4) as unknown as IDataObject[];
			const run = await poller.poll();
			expect(run.error).toBeUndefined();
			expect(ids(run.result).sort()).toEqual(added.map((r) => `${event}:${r.id ?? r.requestId}`).sort());
			expect((await poller.poll()).result).toBeNull();
		}
	});

	it('new computers awaiting authorisation, not the authorised ones', async () => {
		const poller = new Poller({ event: 'newComputer' });
		await poller.poll();
		const pending = sandbox.state.addComputers(2, { authorisationState: 'Pending' } as never);
		sandbox.state.addComputers(2, { authorisationState: 'Authorised' } as never);
		const run = await poller.poll();
		expect(ids(run.result).sort()).toEqual(pending.map((c) => `newComputer:${c.id}`).sort());
		expect(run.result![0][0].json).toMatchObject({ state: 'Pending' });
	});
});

describe('soak', () => {
	it('1,000 polls with random arrivals and random faults: every event once, cursor monotonic', async () => {
		const poller = new Poller({ options: { maxItemsPerPoll: 150, overlapSeconds: 5 } });
		await poller.poll();
		let rng = 42;
		const random = () => ((rng = (rng * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const expected: string[] = [];
		const emitted: string[] = [];
		let cursor = poller.cursor();
		for (let i = 0; i < 1000; i++) {
			const roll = random();
			if (roll < 0.3) {
				const burst = random() < 0.1;
				const added = addEvents(1 + Math.floor(random() * (burst ? 400 : 20)), { sameTimestamp: burst })
				expected.push(...added.map((e) => `newClientEvent:${(e.event as IDataObject).id}`));
			}
			const fault = random();
			if (fault < 0.05) sandbox.faults.enqueue({ status: 429, retryAfterSeconds: 0 });
			else if (fault < 0.06) sandbox.faults.enqueue({ status: 502 });
			const run = await poller.poll();
			emitted.push(...ids(run.result));
			const next = poller.cursor();
			expect(next >= cursor).toBe(true);
			cursor = next;
		}
		for (let i = 0; i < 20; i++) emitted.push(...ids((await poller.poll()).result));
		expect(new Set(emitted).size).toBe(emitted.length);
		expect([...emitted].sort()).toEqual([...expected].sort());
	}, 300_000);
});
