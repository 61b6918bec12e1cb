import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { QueryPairs } from '../transport/query';
import { type StreamCursor, advanceCursor, readCursor } from './cursor';
import { readSample, readStream } from './read';
import { STREAMS, type StreamDeclaration } from './streams';
import { instantFromMs, parseInstant } from './time';

const BACKFILL_MS: Record<string, number> = { lastHour: 3_600_000, lastDay: 86_400_000, lastWeek: 7 * 86_400_000 };
const SAMPLE_SIZE = 5;

interface PollSettings {
	stream: StreamDeclaration;
	filters: Record<string, string>;
	apiQuery: QueryPairs;
	overlapMs: number;
	maxItems: number;
	deadline: number;
	raw: boolean;
	startFrom: string;
	startDate?: string;
}

function settings(ctx: IPollFunctions): PollSettings {
	const value = ctx.getNodeParameter('event') as string;
	const stream = STREAMS.find((s) => s.value === value);
	if (!stream) throw new NodeOperationError(ctx.getNode(), `Unknown stream "${value}"`);
	const filters = Object.fromEntries(
		Object.entries((ctx.getNodeParameter('filters', {}) as IDataObject) ?? {})
			.filter(([, v]) => v !== undefined && v !== '')
			.map(([k, v]) => [k, String(v)]),
	);
	const options = (ctx.getNodeParameter('options', {}) as IDataObject) ?? {};
	const apiQuery: QueryPairs = [...(stream.fixedQuery ?? [])];
	for (const filter of stream.filters) if (filter.api && filters[filter.name]) apiQuery.push([filter.api, filters[filter.name]]);
	const budget = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : 300_000;
	const maxSeconds = Number(options.maxPollSeconds ?? 45);
	return {
		stream,
		filters,
		apiQuery,
		overlapMs: Number(options.overlapSeconds ?? 120) * 1000,
		maxItems: Math.max(1, Number(options.maxItemsPerPoll ?? 10_000)),
		deadline: Date.now() + Math.max(1_000, Math.min(maxSeconds * 1000, budget - 5_000)),
		raw: ctx.getNodeParameter('output', 'simplified') === 'raw',
		startFrom: ctx.getNodeParameter('startFrom', 'now') as string,
		startDate: ctx.getNodeParameter('startDate', '') as string,
	};
}

function matches(setup: PollSettings, record: IDataObject): boolean {
	if (setup.stream.accept && !setup.stream.accept(record)) return false;
	return setup.stream.filters.every((filter) => !setup.filters[filter.name] || filter.matches(record, setup.filters[filter.name]));
}

function toItem(setup: PollSettings, record: IDataObject): INodeExecutionData {
	const id = setup.stream.idOf(record);
	const eventId = `${setup.stream.value}:${id ?? ''}`;
	const body = setup.raw ? record : setup.stream.simplify(record);
	return { json: { eventId, stream: setup.stream.value, ...body } };
}

/** Where the first poll starts: now (nothing is emitted) or the backfill the user chose. */
function baseline(ctx: IPollFunctions, setup: PollSettings, fingerprint: string): { cursor: StreamCursor; emitNothing: boolean } {
	const now = Date.now();
	if (setup.startFrom === 'date') {
		const start = Date.parse(setup.startDate ?? '');
		if (Number.isNaN(start)) {
			throw new NodeOperationError(ctx.getNode(), `Start Date: "${setup.startDate}" is not a date`, {
				description: 'Pick the date from which existing records should be emitted',
			});
		}
		const key = instantFromMs(start).key;
		return { cursor: { version: 1, key, since: key, seen: [], fingerprint }, emitNothing: false };
	}
	const back = BACKFILL_MS[setup.startFrom];
	const key = instantFromMs(back ? now - back : now).key;
	return { cursor: { version: 1, key, since: key, seen: [], fingerprint }, emitNothing: !back };
}

/**
 * One poll of one stream. Reads from (cursor - overlap), drops records already emitted, emits at most
 * `maxItems` in time order, and moves the cursor only to what was emitted. Static data is written once,
 * at the end, so a failed poll leaves the state as it was.
 */
export async function pollStream(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const setup = settings(this);
	const { stream } = setup;

	if (this.getMode() === 'manual') {
		const sample = await readSample(this, stream, setup.apiQuery, SAMPLE_SIZE * 4);
		const items = sample.filter((record) => matches(setup, record)).slice(0, SAMPLE_SIZE);
		return items.length ? [items.map((record) => toItem(setup, record))] : null;
	}

	const staticData = this.getWorkflowStaticData('node');
	const fingerprint = JSON.stringify([stream.value, setup.apiQuery]);
	let cursor = readCursor(staticData, stream.value, fingerprint);
	if (!cursor) {
		const start = baseline(this, setup, fingerprint);
		if (start.emitNothing) {
			staticData[stream.value] = start.cursor as unknown as IDataObject;
			return null;
		}
		cursor = start.cursor;
	}

	const since = cursor.since;
	const windowStart = (key: string) => {
		const start = instantFromMs(parseInstant(key)!.ms - setup.overlapMs).key;
		return start > since ? start : since;
	};
	const floorKey = windowStart(cursor.key);
	const seen = new Set(cursor.seen.map(([id]) => id));
	const processed: Array<{ id: string; key: string }> = [];
	const items: INodeExecutionData[] = [];

	const records = readStream({ ctx: this, stream, startMs: parseInstant(floorKey)!.ms, apiQuery: setup.apiQuery, deadline: setup.deadline });
	for await (const record of records) {
		const key = parseInstant(stream.timeOf(record))?.key ?? cursor.key;
		const id = stream.idOf(record) ?? `${key}:${JSON.stringify(record).length}`;
		if (key < floorKey || seen.has(id)) continue;
		seen.add(id);
		processed.push({ id, key });
		if (matches(setup, record)) items.push(toItem(setup, record));
		if (processed.length >= setup.maxItems || Date.now() >= setup.deadline) break;
	}

	const next = advanceCursor(cursor, processed, windowStart);
	staticData[stream.value] = next as unknown as IDataObject;
	return items.length ? [items] : null;
}
