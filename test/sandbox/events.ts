// ECS-shaped endpoint events (reference §5.2) and their ingestion-ordered log.
import { isoMs, key7 } from './dates';
import type { Computer, EcsEvent } from './models';
import { APPS, EVENT_KINDS } from './names';
import type { App } from './names';
import { Prng } from './prng';
import type { EndpointUser } from './seed';
import { OrderedLog } from './store';

export interface EventSource {
	computers: () => readonly Computer[];
	endpointUsers: () => readonly EndpointUser[];
	tenantId: string;
	/** The policy a computer's group applies, for the EPMWinMac.Configuration block. */
	policyOf: (computer: Computer) => { id: string; name: string; revision: number } | undefined;
}

export interface NewEvent {
	/** Ingestion key (UTC, 7 fractional digits). */
	key: string;
	/** Zone suffix written after the key: `Z` or `+00:00`. */
	suffix: 'Z' | '+00:00';
	timestampMs: number;
	computer?: Computer;
	code?: string;
}

const WEIGHTED_KINDS = EVENT_KINDS.map((k) => [k, k.weight] as const);

/** Builds events; host/agent objects are cached per computer so 100,000 events seed quickly. */
export class EventFactory {
	private readonly hosts = new Map<string, { host: Record<string, unknown>; agent: Record<string, unknown> }>();
	private readonly hashes = new Map<string, string>();

	constructor(
		private readonly rng: Prng,
		private readonly source: EventSource,
	) {}

	/** Windows and Mac computers only: EPM events come from those agents. */
	pickComputer(): Computer | undefined {
		const list = this.source.computers();
		for (let tries = 0; tries < 8 && list.length; tries++) {
			const c = list[Math.floor(this.rng.next() * list.length)];
			if (c.hostType !== 'Linux') return c;
		}
		return list.find((c) => c.hostType !== 'Linux');
	}

	private hostOf(c: Computer) {
		let cached = this.hosts.get(c.id);
		if (!cached) {
			const mac = c.hostType === 'Mac';
			const info = c.endpointInformation;
			cached = {
				host: {
					hostname: c.host,
					name: c.host,
					id: c.id,
					ip: [`10.${this.rng.int(0, 255)}.${this.rng.int(0, 255)}.${this.rng.int(1, 254)}`],
					architecture: mac ? 'arm64' : 'x86_64',
					domain: c.domain,
					os: mac
						? { type: 'macos', platform: 'darwin', name: 'macOS', family: 'macos', version: String(info.osVersion), full: String(info.osVersionString) }
						: { type: 'windows', platform: 'windows', name: String(info.osCaption), family: 'windows', version: String(info.osVersion), full: String(info.osVersionString) },
				},
				agent: { id: this.rng.uuid(), version: c.agentVersion, ephemeral_id: this.rng.uuid(), type: 'EPM' },
			};
			this.hosts.set(c.id, cached);
		}
		return cached;
	}

	private sha256(app: App): string {
		let h = this.hashes.get(app.path);
		if (!h) {
			h = this.rng.hex(64);
			this.hashes.set(app.path, h);
		}
		return h;
	}

	create(input: NewEvent): EcsEvent {
		const rng = this.rng;
		const computer = input.computer ?? this.pickComputer();
		const mac = computer?.hostType === 'Mac';
		const kind = (input.code && EVENT_KINDS.find((k) => k.code === input.code)) || rng.weighted(WEIGHTED_KINDS);
		const apps = APPS.filter((a) => a.mac === mac);
		const app = rng.pick(apps);
		const user = rng.pick(this.source.endpointUsers());
		const { host, agent } = computer
			? this.hostOf(computer)
			: { host: { hostname: 'UNKNOWN', name: 'UNKNOWN', id: rng.uuid(), os: { type: 'windows', platform: 'windows', name: 'Windows', family: 'windows' } }, agent: { id: rng.uuid() } };
		const policy = computer ? this.source.policyOf(computer) : undefined;
		const sep = mac ? '/' : '\\';
		const directory = app.path.slice(0, app.path.lastIndexOf(sep));
		const extension = app.name.includes('.') ? app.name.slice(app.name.lastIndexOf('.') + 1) : '';
		return {
			'@timestamp': isoMs(input.timestampMs),
			agent,
			ecs: { version: '8.11.0' },
			event: {
				id: rng.uuid(),
				code: kind.code,
				kind: 'event',
				category: ['process'],
				type: kind.type,
				action: kind.action,
				outcome: kind.outcome,
				provider: 'BeyondTrust EPM',
				reason: kind.reason,
				created: isoMs(input.timestampMs + rng.int(5, 900)),
				ingested: input.key + input.suffix,
			},
			host,
			user: { id: user.id, name: user.name, domain: user.domain },
			file: {
				name: app.name,
				path: app.path,
				directory,
				extension,
				hash: { sha256: this.sha256(app) },
				code_signature: { exists: app.publisher !== 'Unknown', subject_name: app.publisher, valid: app.publisher !== 'Unknown' },
				pe: mac ? undefined : { product: app.product, file_version: app.version, description: app.product },
			},
			process: {
				pid: rng.int(400, 65000),
				command_line: mac ? app.path : `"${app.path}"`,
				executable: app.path,
				ElevationRequired: kind.epmAction === 'Elevate',
			},
			EPMWinMac: {
				SchemaVersion: '24.7.0',
				GroupId: computer?.groupId ?? null,
				TenantId: this.source.tenantId,
				Event: { Action: kind.epmAction, Type: 'Process' },
				Configuration: policy
					? { Identifier: policy.id, Name: policy.name, RevisionNumber: policy.revision, ApplicationGroup: { Name: `${app.product} apps` } }
					: undefined,
			},
		};
	}

	/**
	 * `n` seed events ingested over the window ending at `endMs`: mixed `Z`/`+00:00` suffixes,
	 * some sharing one ingestion instant, ~5% arriving late (old @timestamp).
	 */
	seed(n: number, endMs: number): Array<{ key: string; event: EcsEvent }> {
		const rng = this.rng;
		const span = Math.min(7 * 86_400_000, Math.max(60_000, n * 20_000));
		const gap = span / Math.max(1, n);
		let t = endMs - span;
		let sub = 0;
		const out: Array<{ key: string; event: EcsEvent }> = [];
		for (let i = 0; i < n; i++) {
			if (i === 0 || !rng.chance(0.08)) {
				t += rng.next() * 2 * gap;
				sub = rng.int(0, 9999);
			}
			const ms = Math.floor(t);
			const key = key7(ms, sub);
			out.push({ key, event: this.create({ key, suffix: rng.chance(0.5) ? 'Z' : '+00:00', timestampMs: lagged(rng, ms) }) });
		}
		return out;
	}
}

/** The endpoint time of an event ingested at `ingestedMs`: usually seconds earlier, sometimes days. */
export function lagged(rng: Prng, ingestedMs: number): number {
	return ingestedMs - (rng.chance(0.05) ? rng.int(3_600_000, 3 * 86_400_000) : rng.int(200, 60_000));
}

export class EventLog extends OrderedLog<EcsEvent> {
	add(key: string, event: EcsEvent): void {
		this.insert({ key, id: event.event.id, value: event });
	}
}
