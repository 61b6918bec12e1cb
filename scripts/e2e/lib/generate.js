'use strict';
/**
 * Generates one coverage workflow per action node from the node's description (dist/, as n8n loads
 * it): every operation becomes one node of a linear chain, fed by "seed" nodes (our own Get Many /
 * list operations) whose outputs provide the IDs the operation needs, so outputs are chained into
 * inputs through n8n expressions exactly as a user would do it.
 *
 * Each operation node runs once (`executeOnce`), always passes an item on (`alwaysOutputData`) and
 * turns failures into error items (`onError: continueRegularOutput`), so one run reports on every
 * operation. Operations are ordered reads → writes → destructive, and destructive ones act on the
 * last record of a seed list while reads use the first.
 *
 * What a required parameter gets is decided by its name (VALUE_RULES / ID_SOURCES below). A required
 * parameter without a rule leaves its operation out, and the run lists it as "not generated".
 */
const {
	pmNode,
	byId,
	manualTrigger,
	setNode,
	textToFile,
	workflow,
	workflowId,
	chain,
} = require('./workflow');

const NODE = (tag) => `beyondTrustPmCloud${tag}`;

/** Where an ID parameter comes from: a list operation of some node and the field of its items. */
const ID_SOURCES = {
	computerId: { node: NODE('Computers'), operation: 'getMany' },
	computerIds: { node: NODE('Computers'), operation: 'getMany', list: true },
	excludedComputerIds: null,
	groupId: { node: NODE('Groups'), operation: 'getMany' },
	groupIds: { node: NODE('Groups'), operation: 'getMany', list: true },
	policyId: { node: NODE('Policies'), operation: 'getMany' },
	policyRevisionId: { node: NODE('Policies'), operation: 'getRevisions', params: { policyId: 'first' } },
	roleId: { node: NODE('Roles'), operation: 'getMany' },
	globalRoleId: { node: NODE('GlobalRoles'), operation: 'getMany' },
	globalRolesIds: { node: NODE('GlobalRoles'), operation: 'getMany', list: true },
	acceptedDomainId: { node: NODE('AcceptedDomains'), operation: 'getMany' },
	activityAuditId: { node: NODE('ActivityAudits'), operation: 'getMany' },
	auditId: { node: NODE('AuthorizationRequestAudits'), operation: 'getMany' },
	// A computer may have no logs yet: ask it for its logs first (that adds one), then list them.
	logId: { node: NODE('Computers'), operation: 'getLogs', params: { computerId: 'first' }, after: { node: NODE('Computers'), operation: 'retrieveLogs', params: { computerId: 'first' } } },
	taskId: { node: NODE('Computers'), operation: 'retrieveLogs', params: { computerId: 'first' }, field: 'taskId' },
};

/** ID parameters whose source depends on the node they are in. */
const ID_SOURCES_BY_NODE = {
	[NODE('AdminAccessRequest')]: { requestId: { node: NODE('AdminAccessRequest'), operation: 'getMany' } },
	[NODE('AuthorizationRequest')]: {
		requestId: { node: NODE('AuthorizationRequest'), operation: 'getMany' },
		itsmRequestId: { node: NODE('AuthorizationRequest'), operation: 'getMany', field: 'ticketId' },
	},
	[NODE('ScimUsers')]: { userId: { node: NODE('ScimUsers'), operation: 'getMany' } },
	[NODE('Users')]: { userId: { node: NODE('Users'), operation: 'getMany' } },
};

/** Values for required non-ID parameters, by name (n8n expressions where a fresh value is needed). */
const RUN = "{{ $execution.id }}";
const VALUE_RULES = {
	emailAddress: `=e2e-${RUN}-{{ $runIndex }}@example.com`,
	domainName: `=e2e-${RUN}.example.com`,
	name: `=E2E ${RUN} {{ $now.toMillis() }}`,
	userName: (node) => (node === NODE('ScimUsers') ? `=scim-${RUN}-{{ $now.toMillis() }}@example.com` : 'CONTOSO\\e2e-user'),
	duration: '3600',
	decisionPerformedByUser: 'e2e-approver@example.com',
	message: 'Decided by the n8n end-to-end test',
	systemId: 'E2E-SYSTEM',
	ticketId: 'RITM0000001',
	ticketUrl: 'https://itsm.example.com/ritm/RITM0000001',
	startDate: '={{ $now.minus({ days: 30 }).toUTC().toISO() }}',
	endDate: '={{ $now.plus({ minutes: 5 }).toUTC().toISO() }}',
};

/**
 * Optional fields worth setting so the operation has something to act on (an operation whose fields
 * are all optional would otherwise send an empty body).
 */
const USEFUL_OPTIONAL = ['computerIds', 'groupId', 'policyId', 'policyRevisionId', 'globalRolesIds'];

/** Writes that must not act on the record this workflow created (it is deleted later). */
const ON_SEEDED_RECORD = ['markAsDefault'];

/** The text file an operation with an "Input Binary Field" uploads. */
function uploadFile(nodeName, operation) {
	if (nodeName === NODE('Groups')) {
		return { fileName: 'computers.csv', text: '={{ "Host\\n" + $("' + '%SEED:computers%' + '").first().json.host + "\\n" }}' };
	}
	return { fileName: `policy-${operation}.xml`, text: `=${policyXml(`E2E ${operation}`)}` };
}

function policyXml(label) {
	return `<?xml version="1.0" encoding="utf-8"?>\n<Configuration ID="{{ $execution.id }}" Name="${label}" Comment="Grüße – ✓">\n  <ApplicationGroups/>\n</Configuration>\n`;
}

const READ = /^(get|search|download|list|connect)/i;
const DESTRUCTIVE_ORDER = ['archive', 'archiveMany', 'unarchive', 'unarchiveMany', 'unassignComputers', 'clearPolicy', 'clearPolicyOfMany', 'reject', 'deactivate', 'disable', 'revert', 'delete'];

function rank(operation) {
	const d = DESTRUCTIVE_ORDER.indexOf(operation);
	if (d >= 0) return 200 + d;
	if (READ.test(operation)) return operation === 'getMany' ? 0 : 10;
	if (operation === 'create') return 50;
	return 100;
}

const isDestructive = (operation) => DESTRUCTIVE_ORDER.includes(operation);

function propertiesFor(description, operation) {
	return description.properties.filter((p) => {
		const show = p.displayOptions?.show;
		if (p.name === 'operation') return false;
		if (!show?.operation) return !show; // properties shown for every operation
		return show.operation.includes(operation);
	});
}

function isInputBinary(p) {
	return p.name === 'binaryPropertyName' && /input/i.test(`${p.displayName} ${p.hint ?? ''}`);
}

/**
 * Builds the coverage workflow of one node. `descriptions` maps node names to descriptions (for seeds
 * from other nodes). Returns { workflow, operations: [{ operation, nodeName, check }], skipped: [...] }.
 */
function generateNodeWorkflow(description, descriptions) {
	const nodeName = description.name;
	const opProp = description.properties.find((p) => p.name === 'operation');
	const operations = (opProp?.options ?? [{ value: undefined, name: 'Default' }]).map((o) => o.value);
	operations.sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));

	const nodes = [manualTrigger('Start')];
	let createdBy; // name of this node's "create" operation node, once it is in the chain
	const seeds = new Map(); // key -> node name
	const planned = [];
	const skipped = [];
	const label = (node, op) => `${(descriptions[node]?.displayName ?? node).replace(/^BeyondTrust PM Cloud /, '')} · ${op}`;

	/** Adds (once) the node listing `source` and returns its name. */
	function seed(source, path = []) {
		const key = `${source.node}/${source.operation}/${JSON.stringify(source.params ?? {})}`;
		if (seeds.has(key)) return seeds.get(key);
		if (path.includes(key)) throw new Error(`circular seed ${key}`);
		const desc = descriptions[source.node];
		if (!desc) throw new Error(`the node ${source.node} that lists the IDs is not in package.json`);
		if (source.after) seed(source.after, [...path, key]);
		const name = `seed: ${label(source.node, source.operation)}`;
		const params = { operation: source.operation };
		const props = propertiesFor(desc, source.operation);
		for (const [param, pick] of Object.entries(source.params ?? {})) {
			const from = resolveId(source.node, param, pick, [...path, key]);
			const prop = props.find((p) => p.name === param);
			params[param] = prop?.type === 'resourceLocator' ? byId(from) : from;
		}
		if (props.some((p) => p.name === 'returnAll')) params.returnAll = false;
		if (props.some((p) => p.name === 'limit')) params.limit = 15;
		const node = pmNode(name, source.node, params, { executeOnce: true, alwaysOutputData: true, onError: 'continueRegularOutput' });
		nodes.push(node);
		seeds.set(key, name);
		return name;
	}

	function resolveId(inNode, param, pick, path = [], operation) {
		const source = ID_SOURCES_BY_NODE[inNode]?.[param] ?? ID_SOURCES[param];
		if (!source) return undefined;
		// Writes act on the record this workflow created (when the node can create one), so they
		// neither fail on seeded records in the wrong state nor destroy seeded data.
		if (operation && !READ.test(operation) && !ON_SEEDED_RECORD.includes(operation) && source.node === nodeName && createdBy && !source.field && !source.list && source.operation === 'getMany') {
			return `={{ $('${createdBy}').first().json.id }}`;
		}
		const seedName = seed(source, path);
		const field = source.field ?? 'id';
		// Destructive operations each take a different record from the end of the list, so one does
		// not act on what another has already deleted; everything else takes the first record.
		if (pick && typeof pick === 'object') {
			const all = `$('${seedName}').all()`;
			return `={{ ${all}[Math.max(0, ${all}.length - ${pick.fromEnd})].json.${field} }}`;
		}
		if (source.list) return `={{ $('${seedName}').last().json.${field} }}`;
		return `={{ $('${seedName}').first().json.${field} }}`;
	}

	// The node's own list comes first: it is both an operation under test and the seed of the others.
	if (operations.includes('getMany')) {
		try {
			seed({ node: nodeName, operation: 'getMany' });
		} catch {
			/* reported with the operation below */
		}
	}

	for (const operation of operations) {
		const props = propertiesFor(description, operation);
		const params = operation === undefined ? {} : { operation };
		const pick = isDestructive(operation) ? { fromEnd: DESTRUCTIVE_ORDER.indexOf(operation) + 1 } : 'first';
		const missing = [];
		let upload;
		let expectBinary = false;
		let idFrom;
		try {
			for (const p of props) {
				if (p.type === 'notice' || p.type === 'hidden') continue;
				if (p.name === 'returnAll') {
					params.returnAll = false;
					continue;
				}
				if (p.name === 'limit') {
					params.limit = 3;
					continue;
				}
				if (p.name === 'binaryPropertyName') {
					params.binaryPropertyName = 'data';
					if (isInputBinary(p)) upload = uploadFile(nodeName, operation);
					else expectBinary = true;
					continue;
				}
				if (p.type === 'collection' && p.name === 'additionalFields') {
					const extra = {};
					for (const optName of USEFUL_OPTIONAL) {
						const opt = (p.options ?? []).find((o) => o.name === optName);
						if (!opt || !(ID_SOURCES_BY_NODE[nodeName]?.[optName] ?? ID_SOURCES[optName])) continue;
						// Authorise/Reject/Delete… act on a selection: give them one computer.
						const value = resolveId(nodeName, optName, pick, [], operation);
						if (value) extra[optName] = value;
					}
					if (Object.keys(extra).length) params.additionalFields = extra;
					continue;
				}
				if (!p.required) {
					// Optional fields shown at the top (e.g. "Computer IDs" of the selection operations).
					if (USEFUL_OPTIONAL.includes(p.name) && (ID_SOURCES_BY_NODE[nodeName]?.[p.name] ?? ID_SOURCES[p.name])) {
						const value = resolveId(nodeName, p.name, pick, [], operation);
						if (value !== undefined) params[p.name] = p.type === 'resourceLocator' ? byId(value) : value;
					}
					continue;
				}
				const idValue = ID_SOURCES_BY_NODE[nodeName]?.[p.name] || ID_SOURCES[p.name] ? resolveId(nodeName, p.name, pick, [], operation) : undefined;
				if (idValue !== undefined) {
					params[p.name] = p.type === 'resourceLocator' ? byId(idValue) : idValue;
					if (!idFrom) idFrom = { param: p.name, expression: idValue };
					continue;
				}
				const rule = VALUE_RULES[p.name];
				if (rule !== undefined) {
					params[p.name] = typeof rule === 'function' ? rule(nodeName, operation) : rule;
					continue;
				}
				if (p.default !== undefined && p.default !== '' && p.default !== null && typeof p.default !== 'object') {
					params[p.name] = p.default; // options, booleans, numbers, JSON templates, expressions
					continue;
				}
				if (p.type === 'options' && p.options?.length) {
					params[p.name] = p.options[0].value;
					continue;
				}
				missing.push(p.name);
			}
		} catch (error) {
			missing.push(error.message);
		}
		if (missing.length) {
			skipped.push({ operation, reason: `no value for required ${missing.join(', ')}` });
			continue;
		}
		const seedKey = `${nodeName}/${operation}/{}`;
		if (seeds.has(seedKey) && !upload) {
			// Already in the chain as a seed: that node is this operation's run.
			planned.push({ operation, nodeName: seeds.get(seedKey), expectBinary, idFrom });
			continue;
		}
		if (upload) {
			let text = upload.text;
			if (text.includes('%SEED:computers%')) text = text.replace('%SEED:computers%', seed(ID_SOURCES.computerId));
			nodes.push(setNode(`file text: ${operation}`, { fileText: text }, { extra: { executeOnce: true } }));
			nodes.push({ ...textToFile(`file: ${operation}`, 'fileText', upload.fileName), executeOnce: true });
		}
		const name = label(nodeName, operation ?? 'run');
		nodes.push(pmNode(name, nodeName, params, { executeOnce: true, alwaysOutputData: true, onError: 'continueRegularOutput' }));
		if (operation === 'create') createdBy = name;
		planned.push({ operation, nodeName: name, expectBinary, idFrom, upload: !!upload });
	}

	const id = workflowId(`e2e-coverage-${nodeName}`);
	const wf = workflow(id, `E2E coverage: ${description.displayName}`, nodes, chain(...nodes), { tags: undefined });
	const seedNodes = [...seeds.values()].filter((name) => !planned.some((op) => op.nodeName === name));
	return { workflow: wf, operations: planned, seeds: seedNodes, skipped, operationCount: operations.length };
}

module.exports = { generateNodeWorkflow, propertiesFor, ID_SOURCES, VALUE_RULES, policyXml };
