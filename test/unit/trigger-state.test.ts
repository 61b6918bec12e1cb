import { MAX_SEEN, advanceCursor, readCursor, type StreamCursor } from '../../nodes/shared/trigger/cursor';
import { instantFromMs, parseInstant, toApiDate } from '../../nodes/shared/trigger/time';

describe('instants', () => {
	it('reads 7 fractional digits, Z, +00:00, other offsets and no zone (UTC) into one sortable key', () => {
		expect(parseInstant('2026-04-08T14:32:15.2340000')!.key).toBe('2026-04-08T14:32:15.2340000Z');
		expect(parseInstant('2026-04-08T14:32:15.2340001Z')!.key).toBe('2026-04-08T14:32:15.2340001Z');
		expect(parseInstant('2026-04-08T14:32:15.2340001+00:00')!.key).toBe('2026-04-08T14:32:15.2340001Z');
		expect(parseInstant('2026-04-08T16:32:15.5+02:00')!.key).toBe('2026-04-08T14:32:15.5000000Z');
		expect(parseInstant('2026-04-08 14:32:15')!.key).toBe('2026-04-08T14:32:15.0000000Z');
		expect(parseInstant('2026-04-08T14:32:15.2340001Z')!.ms).toBe(Date.UTC(2026, 3, 8, 14, 32, 15, 234));
		expect(parseInstant('yesterday')).toBeUndefined();
		expect(parseInstant(undefined)).toBeUndefined();
	});

	it('orders instants that differ below the millisecond', () => {
		const keys = ['2026-01-01T00:00:00.0000009Z', '2026-01-01T00:00:00.0000001+00:00', '2026-01-01T00:00:00.0000005'].map(
			(raw) => parseInstant(raw)!.key,
		);
		expect([...keys].sort()).toEqual([
			'2026-01-01T00:00:00.0000001Z',
			'2026-01-01T00:00:00.0000005Z',
			'2026-01-01T00:00:00.0000009Z',
		]);
	});

	it('sends millisecond precision with Z', () => {
		expect(toApiDate(parseInstant('2026-04-08T14:32:15.2349999+00:00')!.ms)).toBe('2026-04-08T14:32:15.234Z');
		expect(instantFromMs(0).key).toBe('1970-01-01T00:00:00.0000000Z');
	});
});

describe('cursor', () => {
	const base: StreamCursor = { version: 1, key: '2026-01-01T00:00:00.0000000Z', since: '2026-01-01T00:00:00.0000000Z', seen: [], fingerprint: 'f' };
	const window = (key: string) => instantFromMs(parseInstant(key)!.ms - 60_000).key;

	it('moves to the newest emitted instant and forgets IDs older than the overlap window', () => {
		const first = advanceCursor(base, [
			{ id: 'a', key: '2026-01-01T00:00:10.0000000Z' },
			{ id: 'b', key: '2026-01-01T00:00:20.0000000Z' },
		], window);
		expect(first.key).toBe('2026-01-01T00:00:20.0000000Z');
		const later = advanceCursor(first, [{ id: 'c', key: '2026-01-01T00:01:15.0000000Z' }], window);
		expect(later.seen.map(([id]) => id)).toEqual(['b', 'c']);
		expect(advanceCursor(later, [], window)).toEqual(later);
	});

	it('is bounded, and never evicts the IDs at the cursor instant', () => {
		const at = '2026-01-01T00:00:30.0000000Z';
		const many = Array.from({ length: MAX_SEEN + 500 }, (_, i) => ({ id: `old-${i}`, key: '2026-01-01T00:00:29.0000000Z' }));
		const atCursor = Array.from({ length: 300 }, (_, i) => ({ id: `now-${i}`, key: at }));
		const next = advanceCursor(base, [...many, ...atCursor], window);
		expect(next.seen).toHaveLength(MAX_SEEN);
		expect(next.seen.filter(([, key]) => key === at)).toHaveLength(300);
	});

	it('ignores state of another version, filter set or without a baseline', () => {
		expect(readCursor({ s: base as never }, 's', 'f')).toEqual(base);
		expect(readCursor({ s: base as never }, 's', 'other filters')).toBeUndefined();
		expect(readCursor({ s: { ...base, version: 2 } as never }, 's', 'f')).toBeUndefined();
		expect(readCursor({ s: { ...base, since: undefined } as never }, 's', 'f')).toBeUndefined();
	});
});
