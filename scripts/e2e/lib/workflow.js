'use strict';
/**
 * Small builders for n8n workflow JSON (the shape `n8n import:workflow` takes), so generated and
 * scenario workflows stay readable. Only parameters that exist in the nodes' descriptions are used:
 * our nodes' from dist/ (see scripts/n8n/describe.js), n8n-nodes-base's as of n8n 2.40.7.
 */
const crypto = require('node:crypto');

const PACKAGE_NAME = 'n8n-nodes-beyondtrust-pm-cloud';
const CREDENTIAL_TYPE = 'beyondTrustPmCloudApi';
const CREDENTIAL_ID = 'pmcloud-sandbox';
const CREDENTIAL_NAME = 'BeyondTrust PM Cloud (sandbox)';

const uuid = () => crypto.randomUUID();

/** A deterministic 16-character workflow id (n8n ids are 16 alphanumerics). */
function workflowId(seed) {
	return crypto.createHash('sha256').update(seed).digest('hex').replace(/[^a-z0-9]/g, '').slice(0, 16);
}

const credentials = () => ({ [CREDENTIAL_TYPE]: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } });

/** One of our action nodes, `tag` = `Computers` or the full node name `beyondTrustPmCloudComputers`. */
function pmNode(name, nodeName, parameters, extra = {}) {
	const short = nodeName.startsWith('beyondTrustPmCloud') ? nodeName : `beyondTrustPmCloud${nodeName}`;
	return {
		id: uuid(),
		name,
		type: `${PACKAGE_NAME}.${short}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: credentials(),
		...extra,
	};
}

/** A resource locator value "By ID". */
const byId = (value) => ({ __rl: true, mode: 'id', value });

const manualTrigger = (name = 'Run manually') => ({
	id: uuid(),
	name,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** Set node (v3.4): `fields` = { name: value | [type, value] }. */
function setNode(name, fields, { includeOtherFields = false, extra = {} } = {}) {
	const assignments = Object.entries(fields).map(([key, value]) => {
		const [type, v] = Array.isArray(value) ? value : [typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string', value];
		return { id: uuid(), name: key, value: v, type };
	});
	return {
		id: uuid(),
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [0, 0],
		parameters: { assignments: { assignments }, includeOtherFields, options: {} },
		...extra,
	};
}

/** IF node (v2.2) with one condition. */
function ifNode(name, leftValue, operator, rightValue) {
	return {
		id: uuid(),
		name,
		type: 'n8n-nodes-base.if',
		typeVersion: 2.2,
		position: [0, 0],
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [{ id: uuid(), leftValue, rightValue, operator }],
				combinator: 'and',
			},
			looseTypeValidation: true,
			options: {},
		},
	};
}

/** Convert to File (text): the text in `sourceProperty` becomes binary `data`. */
function textToFile(name, sourceProperty, fileName) {
	return {
		id: uuid(),
		name,
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { operation: 'toText', sourceProperty, binaryPropertyName: 'data', options: { fileName, encoding: 'utf8' } },
	};
}

/** Extract from File: binary `data` as base64 in json `destinationKey` (a byte-exact view). */
function fileToBase64(name, destinationKey = 'base64') {
	return {
		id: uuid(),
		name,
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1.1,
		position: [0, 0],
		parameters: { operation: 'binaryToPropery', binaryPropertyName: 'data', destinationKey, options: { keepSource: 'both' } },
	};
}

function noOp(name) {
	return { id: uuid(), name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [0, 0], parameters: {} };
}

/**
 * A workflow from nodes and edges `[from, to, fromOutput?, toInput?]`; nodes are laid out left to
 * right in the given order (v1 execution order runs branches top to bottom).
 */
function workflow(id, name, nodes, edges, { settings = {}, active = false, tags } = {}) {
	nodes.forEach((node, index) => {
		if (!node.position || (node.position[0] === 0 && node.position[1] === 0)) node.position = [index * 220, node.positionY ?? 300];
		delete node.positionY;
	});
	const connections = {};
	for (const [from, to, fromOutput = 0, toInput = 0] of edges) {
		const fromName = typeof from === 'string' ? from : from.name;
		const toName = typeof to === 'string' ? to : to.name;
		connections[fromName] ??= { main: [] };
		const outputs = connections[fromName].main;
		while (outputs.length <= fromOutput) outputs.push([]);
		outputs[fromOutput].push({ node: toName, type: 'main', index: toInput });
	}
	const wf = {
		id,
		name,
		active,
		nodes,
		connections,
		settings: { executionOrder: 'v1', saveManualExecutions: true, saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all', ...settings },
		pinData: {},
	};
	if (tags) wf.tags = tags;
	return wf;
}

/** A linear chain a → b → c. */
const chain = (...nodes) => nodes.slice(1).map((node, i) => [nodes[i], node]);

module.exports = {
	PACKAGE_NAME,
	CREDENTIAL_TYPE,
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	uuid,
	workflowId,
	credentials,
	pmNode,
	byId,
	manualTrigger,
	setNode,
	ifNode,
	textToFile,
	fileToBase64,
	noOp,
	workflow,
	chain,
};
