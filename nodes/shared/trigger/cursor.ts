import type { IDataObject } from 'n8n-workflow';

/**
 * The position of one stream, kept in the workflow's static data.
 * `key`: canonical instant of the newest record emitted; `seen`: IDs emitted recently with their instants,
 * so a query that re-reads the overlap window drops what was already emitted. The cache is bounded; IDs
 * at the cursor instant are never evicted.
 */
export interface StreamCursor {
	version: 1;
	key: string;
	seen: Array<[string, string]>;
	/** The baseline: nothing older is ever emitted, however large the overlap. */
	since: string;
	/** Settings the cursor was made with; a change of filters starts a new baseline. */
	fingerprint: string;
}

export const MAX_SEEN = 20_000;

export function readCursor(staticData: IDataObject, stream: string, fingerprint: string): StreamCursor | undefined {
	const raw = staticData[stream] as StreamCursor | undefined;
	if (!raw || raw.version !== 1 || typeof raw.key !== 'string' || typeof raw.since !== 'string' || raw.fingerprint !== fingerprint) {
		return undefined;
	}
	return { ...raw, seen: Array.isArray(raw.seen) ? raw.seen : [] };
}

/** Adds newly emitted records and drops what fell out of the overlap window, oldest first, up to MAX_SEEN. */
export function advanceCursor(
	previous: StreamCursor,
	emitted: Array<{ id: string; key: string }>,
	windowStartKey: (cursorKey: string) => string,
): StreamCursor {
	let key = previous.key;
	for (const record of emitted) if (record.key > key) key = record.key;
	const floor = windowStartKey(key);
	const merged = new Map<string, string>(previous.seen);
	for (const record of emitted) merged.set(record.id, record.key);
	let seen = [...merged.entries()].filter(([, at]) => at >= floor).sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
	if (seen.length > MAX_SEEN) {
		const atCursor = seen.filter(([, at]) => at === key);
		const older = seen.filter(([, at]) => at !== key);
		seen = [...older.slice(Math.max(0, older.length - (MAX_SEEN - atCursor.length))), ...atCursor];
	}
	return { ...previous, key, seen };
}
