// The tenant's in-memory data, its relationships, and the helpers tests use to add data at runtime.
import { anyToKey, isoMs, key7, keyToMs, toKey } from './dates';
import { EventFactory, EventLog, lagged } from './events';
import type {
	AcceptedDomain, ActivityAudit, AdminAccessRequest, ApiAccount, AuthorizationRequest, AuthorizationRequestAudit,
	CommandLog, Computer, ComputerLog, Decision, EcsEvent, GlobalRole, Group, JsonObject, Policy, PolicyRevision, Role, Task, User,
} from './models';
import { GROUP_NAMES, POLICY_NAMES } from './names';
import { hashString, Prng } from './prng';
import {
	AuditInput, ComputerOptions, DAY, DEFAULT_SEED, EndpointUser, SeedCounts, auditOfAuthorizationRequest, makeAcceptedDomains,
	makeActivityAudit, makeAdminAccessRequest, makeApiAccount, makeAuthorizationRequest, makeComputer, makeEndpointUsers,
	makeGlobalRoles, makeGroup, makePolicy, makeRevision, makeRoles, makeUser, spread,
} from './seed';
import { Store } from './store';

export type When = string | number | Date;

/**
 * Common options of the `add*` helpers: when the new records were created (default: the clock, but
 * never before 1 ms after the newest record of that kind).
 */
export interface AddOptions {
	created?: When;
	/** Give every new record the same instant (otherwise they are 1 ms apart). */
	sameTimestamp?: boolean;
}

export interface AddEventsOptions {
	/**
	 * Ingestion time of the first event; the next ones are 1 ms apart. Default: the clock, but never
	 * before 1 ms after the newest event already ingested.
	 */
	ingested?: When;
	sameTimestamp?: boolean;
	/** `@timestamp` of every event (default: shortly before ingestion; use an old value for "late" events). */
	timestamp?: When;
	computerId?: string;
	/** EPM event code, e.g. '100'. */
	code?: string;
}

export interface StateConfig {
	seed?: Partial<SeedCounts>;
	now: () => number;
	clients: Array<{ clientId: string }>;
	/** A task reports `Running` for this long after creation, then `Completed`. */
	taskDurationMs?: number;
	/** See SandboxOptions.listCacheMs. */
	listCacheMs?: number;
}

const toMs = (value: When): number => keyToMs(anyToKey(value));

export class SandboxState {
	readonly now: () => number;
	readonly rng: Prng;
	readonly tenantId: string;
	readonly taskDurationMs: number;
	readonly listCacheMs: number;
	/** Sorted list results by query (see SandboxOptions.listCacheMs). */
	readonly listCache = new Map<string, { at: number; size: number; sorted: unknown[] }>();

	readonly computers = new Store<Computer>('Computer');
	readonly groups = new Store<Group>('Group');
	readonly policies = new Store<Policy>('Policy');
	readonly revisions = new Store<PolicyRevision>('Policy revision');
	readonly users = new Store<User>('User');
	readonly roles = new Store<Role>('Role');
	readonly globalRoles = new Store<GlobalRole>('Global role');
	readonly acceptedDomains = new Store<AcceptedDomain>('Accepted domain');
	readonly apiAccounts = new Store<ApiAccount>('Api account');
	readonly activityAudits = new Store<ActivityAudit>('Activity audit');
	readonly authorizationRequests = new Store<AuthorizationRequest>('Authorization request');
	readonly authorizationRequestAudits = new Store<AuthorizationRequestAudit>('Authorization request audit');
	readonly adminAccessRequests = new Store<AdminAccessRequest>('Admin access request');
	readonly tasks = new Store<Task>('Task');
	readonly computerLogs = new Store<ComputerLog>('Computer log');
	readonly commandLogs = new Store<CommandLog>('Command log');
	readonly events = new EventLog(() => this.eventFactory);
	endpointUsers: EndpointUser[] = [];
	readonly authenticationProvider: JsonObject;

	private readonly eventFactory: EventFactory;
	private readonly seedNumber: number;
	private readonly logsSeeded = new Set<string>();
	private nextAuditId = 1;
	private nextComputerSerial = 1;

	constructor(config: StateConfig) {
		const counts: SeedCounts = { ...DEFAULT_SEED, ...config.seed };
		this.now = config.now;
		this.seedNumber = counts.randomSeed;
		this.rng = new Prng(counts.randomSeed);
		this.taskDurationMs = config.taskDurationMs ?? 0;
		this.listCacheMs = config.listCacheMs ?? 0;
		this.tenantId = this.rng.uuid();
		this.authenticationProvider = {
			id: this.rng.uuid(),
			name: 'Example Corp Entra ID',
			type: 'OpenIdConnect',
			authority: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
			clientId: this.rng.uuid(),
			enabled: true,
			useForApiAccounts: false,
		};
		this.eventFactory = new EventFactory(this.rng, {
			computers: () => this.computers.all(),
			endpointUsers: () => this.endpointUsers,
			tenantId: this.tenantId,
			policyOf: (groupId) => {
				const applied = this.groupPolicy(groupId);
				return applied && { id: applied.policy.id, name: applied.policy.name, revision: applied.revision.revision };
			},
		});
		this.seed(counts, config.clients);
	}

	// ---- relationships -------------------------------------------------------------------------

	revisionsOf(policyId: string): PolicyRevision[] {
		return this.revisions.all().filter((r) => r.policyId === policyId);
	}

	latestRevision(policyId: string): PolicyRevision | undefined {
		let latest: PolicyRevision | undefined;
		for (const r of this.revisions.all()) if (r.policyId === policyId && (!latest || r.revision > latest.revision)) latest = r;
		return latest;
	}

	/** The policy revision a group applies, with its policy and that policy's latest revision. */
	groupPolicy(groupId: string | null | undefined): { policy: Policy; revision: PolicyRevision; latest: PolicyRevision } | undefined {
		const revision = this.revisions.find(this.groups.find(groupId)?.policyRevisionId);
		const policy = this.policies.find(revision?.policyId);
		return policy && revision ? { policy, revision, latest: this.latestRevision(policy.id) ?? revision } : undefined;
	}

	groupsWithPolicy(policyId: string): Group[] {
		return this.groups.all().filter((g) => g.policyId === policyId);
	}

	/** Computers per group id, one pass over the computers. */
	computerCounts(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const c of this.computers.all()) if (c.groupId) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + 1);
		return counts;
	}

	/** Ids of the console users and API clients that appear as actors in audits. */
	private actors() {
		return [
			...this.users.all().map((u) => ({ id: u.id as string | null, name: u.emailAddress, api: false })),
			...this.apiAccounts.all().map((a) => ({ id: null, name: a.clientId, api: true })),
		];
	}

	// ---- seeding --------------------------------------------------------------------------------

	private seed(counts: SeedCounts, clients: Array<{ clientId: string }>): void {
		const rng = this.rng;
		const now = this.now();
		this.roles.add(...makeRoles(rng));
		this.globalRoles.add(...makeGlobalRoles(rng, now));
		this.acceptedDomains.add(...makeAcceptedDomains(rng, now));
		clients.forEach((c, i) => this.apiAccounts.add(makeApiAccount(rng, `Sandbox client ${i + 1}`, c.clientId, now - (300 - i) * DAY)));
		this.apiAccounts.add(makeApiAccount(rng, 'SIEM connector', rng.uuid(), now - 200 * DAY));

		const roles = [...this.roles.all()];
		spread(rng, counts.users, now - 400 * DAY, now - DAY).forEach((ms, i) =>
			this.users.add(makeUser(rng, i, 'example.com', roles, ms, now)),
		);
		const admin = this.users.all()[0]?.emailAddress ?? 'admin@example.com';

		spread(rng, counts.policies, now - 360 * DAY, now - 30 * DAY).forEach((ms, i) => {
			const suffix = i >= POLICY_NAMES.length ? ` ${Math.floor(i / POLICY_NAMES.length) + 1}` : '';
			const policy = this.policies.add(makePolicy(rng, POLICY_NAMES[i % POLICY_NAMES.length] + suffix, ms))[0];
			const revisions = rng.int(1, 5);
			for (let r = 1; r <= revisions; r++) this.revisions.add(makeRevision(rng, policy, r, ms + (r - 1) * 5 * DAY, admin));
			policy.modified = isoMs(ms + (revisions - 1) * 5 * DAY);
			if (rng.chance(0.2)) {
				policy.checkedOutBy = admin;
				policy.hasOpenDraft = true;
			}
		});

		const policies = [...this.policies.all()];
		spread(rng, counts.groups, now - 380 * DAY, now - 20 * DAY).forEach((ms, i) => {
			const suffix = i >= GROUP_NAMES.length ? ` ${Math.floor(i / GROUP_NAMES.length) + 1}` : '';
			const group = this.groups.add(makeGroup(rng, GROUP_NAMES[i % GROUP_NAMES.length] + suffix, ms, i === 0))[0];
			if (policies.length && rng.chance(0.8)) {
				const policy = rng.pick(policies);
				const revs = this.revisionsOf(policy.id);
				const rev = rng.chance(0.7) ? revs[revs.length - 1] : rng.pick(revs);
				group.policyId = policy.id;
				group.policyRevisionId = rev.id;
			}
		});

		this.addComputerRecords(spread(rng, counts.computers, now - 365 * DAY, now - 60_000), now, {});
		this.endpointUsers.push(...makeEndpointUsers(rng, 40));
		for (const record of this.eventFactory.seed(counts.events, now - 1000)) this.events.insert(record);

		const actors = this.actors();
		for (const ms of spread(rng, counts.activityAudits, now - 30 * DAY, now - 1000)) {
			this.activityAudits.add(makeActivityAudit(rng, this.nextAuditId++, key7(ms, rng.int(0, 9999)), actors));
		}
		this.addAuthorizationRecords(spread(rng, counts.authorizationRequests, now - 14 * DAY, now - 1000), {});
		this.addAdminAccessRecords(spread(rng, counts.adminAccessRequests, now - 14 * DAY, now - 1000), {});
	}

	private addComputerRecords(instants: number[], nowMs: number, opts: ComputerOptions): Computer[] {
		const rng = this.rng;
		const groups = this.groups.all();
		return this.computers.add(
			...instants.map((ms) => {
				const c = makeComputer(rng, this.nextComputerSerial++, ms, Math.max(nowMs, ms), opts);
				if (opts.groupId === undefined && c.authorisationState === 'Authorised' && groups.length && rng.chance(0.9)) {
					c.groupId = rng.pick(groups).id;
				}
				return c;
			}),
		);
	}

	private pickDecision(decision?: Decision): Decision {
		return decision ?? this.rng.weighted<Decision>([['Pending', 40], ['Approved', 40], ['Denied', 20]]);
	}

	private approver(): string {
		return this.users.all()[0]?.emailAddress ?? 'admin@example.com';
	}

	private addAuthorizationRecords(instants: number[], opts: { decision?: Decision; computerId?: string }): AuthorizationRequest[] {
		return instants.map((ms) => {
			const computer = opts.computerId ? this.computers.require(opts.computerId) : this.eventFactory.pickComputer();
			const request = makeAuthorizationRequest(this.rng, ms, computer, this.rng.pick(this.endpointUsers), this.pickDecision(opts.decision), this.approver());
			this.authorizationRequests.add(request);
			this.authorizationRequestAudits.add(auditOfAuthorizationRequest(this.rng, request));
			return request;
		});
	}

	private addAdminAccessRecords(instants: number[], opts: { decision?: Decision; computerId?: string }): AdminAccessRequest[] {
		return instants.map((ms) => {
			const computer = opts.computerId ? this.computers.require(opts.computerId) : this.eventFactory.pickComputer();
			return this.adminAccessRequests.add(
				makeAdminAccessRequest(this.rng, ms, computer, this.rng.pick(this.endpointUsers), this.pickDecision(opts.decision), this.approver()),
			)[0];
		});
	}

	/**
	 * `n` instants from `created`, 1 ms apart unless `sameTimestamp`. Without `created`: from the clock,
	 * but never before `latest` + 1 ms (the newest existing record), so a new batch is always newer
	 * than an earlier batch that reached into the future.
	 */
	private instants(n: number, created: When | undefined, same: boolean | undefined, latest: string | undefined): number[] {
		const base = created !== undefined ? toMs(created) : Math.max(this.now(), latest ? keyToMs(toKey(latest) ?? latest) + 1 : 0);
		return Array.from({ length: n }, (_, i) => base + (same ? 0 : i));
	}

	private static newest<T>(items: readonly T[], get: (item: T) => string): string | undefined {
		return items.length ? get(items[items.length - 1]) : undefined;
	}

	// ---- runtime helpers (tests, control API) ------------------------------------------------------

	/** Ingest `n` new events (kept in ingestion order, even when back-dated). */
	addEvents(n: number, opts: AddEventsOptions = {}): EcsEvent[] {
		const latest = SandboxState.newest(this.events.rows(), (r) => r.key);
		const baseKey = opts.ingested === undefined ? key7(this.instants(1, undefined, false, latest)[0]) : anyToKey(opts.ingested);
		const suffixOf = (i: number): 'Z' | '+00:00' =>
			typeof opts.ingested === 'string' ? (/z$/i.test(opts.ingested) ? 'Z' : '+00:00') : i % 2 ? '+00:00' : 'Z';
		const computer = opts.computerId ? this.computers.require(opts.computerId) : undefined;
		const baseMs = keyToMs(baseKey);
		const subTicks = baseKey.slice(23);
		return Array.from({ length: n }, (_, i) => {
			const ms = baseMs + (opts.sameTimestamp ? 0 : i);
			const key = key7(ms).slice(0, 23) + subTicks;
			const record = this.eventFactory.record({
				key,
				suffix: suffixOf(i),
				timestampMs: opts.timestamp === undefined ? lagged(this.rng, ms) : toMs(opts.timestamp),
				computer,
				code: opts.code,
			});
			this.events.insert(record);
			return this.events.json(record);
		});
	}

	addActivityAudits(n: number, opts: AddOptions & AuditInput = {}): ActivityAudit[] {
		const actors = this.actors();
		const latest = SandboxState.newest(this.activityAudits.all(), (a) => a.created);
		return this.instants(n, opts.created, opts.sameTimestamp, latest).map(
			(ms) => this.activityAudits.add(makeActivityAudit(this.rng, this.nextAuditId++, key7(ms), actors, opts))[0],
		);
	}

	addAuthorizationRequests(n: number, opts: AddOptions & { decision?: Decision; computerId?: string } = {}): AuthorizationRequest[] {
		const latest = SandboxState.newest(this.authorizationRequests.all(), (r) => r.created);
		return this.addAuthorizationRecords(this.instants(n, opts.created, opts.sameTimestamp, latest), opts);
	}

	addAdminAccessRequests(n: number, opts: AddOptions & { decision?: Decision; computerId?: string } = {}): AdminAccessRequest[] {
		const latest = SandboxState.newest(this.adminAccessRequests.all(), (r) => r.created);
		return this.addAdminAccessRecords(this.instants(n, opts.created, opts.sameTimestamp, latest), opts);
	}

	addComputers(n: number, opts: AddOptions & ComputerOptions = {}): Computer[] {
		const latest = SandboxState.newest(this.computers.all(), (c) => c.created);
		return this.addComputerRecords(this.instants(n, opts.created, opts.sameTimestamp, latest), this.now(), opts);
	}

	/** One audit record for a change made through the API or the portal. */
	recordAudit(input: AuditInput): ActivityAudit {
		return this.addActivityAudits(1, input)[0];
	}

	// ---- tasks and computer logs ----------------------------------------------------------------

	createTask(name: string, operation: string, itemIds: string[], createdBy: string): Task {
		const now = this.now();
		return this.tasks.add({
			id: this.rng.uuid(),
			name,
			operation,
			created: isoMs(now),
			completesAt: now + this.taskDurationMs,
			createdBy,
			itemCount: itemIds.length,
			itemIds,
		})[0];
	}

	/** A computer's logs; seeded lazily and deterministically (0-3 per computer) on first access. */
	logsOf(computer: Computer): ComputerLog[] {
		if (!this.logsSeeded.has(computer.id)) {
			this.logsSeeded.add(computer.id);
			const rng = new Prng(hashString(computer.id) ^ this.seedNumber);
			const createdMs = Date.parse(computer.created);
			const lastMs = Math.max(createdMs, Date.parse(computer.lastConnected));
			for (const ms of spread(rng, rng.int(0, 3), createdMs, lastMs)) {
				this.computerLogs.add(this.newLog(rng, computer, ms, null));
			}
		}
		return this.computerLogs.all().filter((l) => l.computerId === computer.id);
	}

	newLog(rng: Prng, computer: Computer, ms: number, taskId: string | null): ComputerLog {
		const stamp = isoMs(ms).replace(/[-:]/g, '').slice(0, 15);
		return { id: rng.uuid(), computerId: computer.id, created: isoMs(ms), fileName: `${computer.host}_${stamp}.zip`, status: 'Available', taskId };
	}

	/** The text inside a log archive, generated from the log id. */
	logText(log: ComputerLog): string {
		const rng = new Prng(hashString(log.id));
		const computer = this.computers.find(log.computerId);
		const start = Date.parse(log.created) - 3_600_000;
		const lines = Array.from({ length: rng.int(20, 60) }, (_, i) => {
			const level = rng.weighted([['INFO', 80], ['WARN', 15], ['ERROR', 5]] as const);
			const msg = rng.pick([
				'Policy revision applied', 'Heartbeat sent to PM Cloud', 'Certificate check OK', 'Elevation request processed',
				'Configuration downloaded', 'Event batch uploaded', 'Agent service started', 'Connection retry scheduled',
			]);
			return `${isoMs(start + i * 60_000)} [${level}] ${computer?.host ?? log.computerId} ${msg}`;
		});
		return lines.join('\r\n') + '\r\n';
	}
}
