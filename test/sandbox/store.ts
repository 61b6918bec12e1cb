// In-memory collections: an id-indexed store, and the ingestion-ordered event store.
import { notFound } from './problem';

export class Store<T extends { id: string | number }> {
	private items: T[] = [];
	private readonly index = new Map<string, T>();

	/** `entity` names the collection in 404 messages ("Computer ... not found"). */
	constructor(readonly entity: string) {}

	private static k(id: string | number): string {
		return `${id}`.toLowerCase();
	}

	all(): readonly T[] {
		return this.items;
	}

	get size(): number {
		return this.items.length;
	}

	find(id: string | number | undefined | null): T | undefined {
		return id === undefined || id === null ? undefined : this.index.get(Store.k(id));
	}

	/** The item or a 404 ApiError. */
	require(id: string | number): T {
		const item = this.find(id);
		if (!item) throw notFound(`${this.entity} with id '${id}' was not found.`);
		return item;
	}

	add(...items: T[]): T[] {
		for (const item of items) {
			this.items.push(item);
			this.index.set(Store.k(item.id), item);
		}
		return items;
	}

	remove(id: string | number): T | undefined {
		const item = this.find(id);
		if (item) this.removeWhere((x) => x === item);
		return item;
	}

	removeWhere(predicate: (item: T) => boolean): T[] {
		const removed: T[] = [];
		this.items = this.items.filter((item) => {
			if (!predicate(item)) return true;
			removed.push(item);
			this.index.delete(Store.k(item.id));
			return false;
		});
		return removed;
	}
}

/**
 * Rows ordered by (key, id), e.g. events by (event.ingested, event.id). Lookups by key use binary
 * search, so `FromStartDate` and time-window searches stay fast with 100,000+ rows.
 */
export class OrderedLog<T extends { key: string; id: string }> {
	private items: T[] = [];

	get size(): number {
		return this.items.length;
	}

	rows(): readonly T[] {
		return this.items;
	}

	/** Index of the first row with (key, id) >= (key, id). */
	private lowerBound(key: string, id = ''): number {
		let lo = 0;
		let hi = this.items.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const r = this.items[mid];
			if (r.key < key || (r.key === key && r.id < id)) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Insert keeping the order; appending (the usual case) is O(1). */
	insert(row: T): void {
		const last = this.items[this.items.length - 1];
		if (!last || last.key < row.key || (last.key === row.key && last.id <= row.id)) this.items.push(row);
		else this.items.splice(this.lowerBound(row.key, row.id), 0, row);
	}

	/** Rows with key >= fromKey (inclusive), at most `limit`. */
	from(fromKey: string, limit: number): T[] {
		const start = this.lowerBound(fromKey);
		return this.items.slice(start, start + limit);
	}

	/** Rows with fromKey <= key <= toKey. */
	between(fromKey: string, toKey: string): T[] {
		return this.items.slice(this.lowerBound(fromKey), this.lowerBound(toKey, '\uffff'));
	}
}
