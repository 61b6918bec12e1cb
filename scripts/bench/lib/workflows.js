'use strict';
/**
 * The workflows and credentials the bench imports into n8n (n8n's export format). Node names are
 * fixed so the bench can find each node's run data.
 */
const crypto = require('node:crypto');

const PKG = 'n8n-nodes-beyondtrust-pm-cloud';
const CRED = 'beyondTrustPmCloudApi';
const OURS = 'PM Cloud Computers';
const HTTP = 'HTTP Request';
const START = 'Start';

const nodeId = () => crypto.randomUUID();

function credential(id, { baseUrl, clientId, clientSecret, rateLimit }) {
	return {
		id,
		name: `Bench ${id}`,
		type: CRED,
		data: {
			baseUrl,
			authentication: 'clientCredentials',
			clientId,
			clientSecret,
			scope: 'urn:management:api',
			rateLimitRequests: rateLimit.requests,
			rateLimitWindowSeconds: Math.round(rateLimit.windowMs / 1000),
		},
	};
}

const credRef = (credId) => ({ [CRED]: { id: credId, name: `Bench ${credId}` } });

function workflow(id, name, nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	nodes.forEach((node, i) => (node.position = [i * 220, 0]));
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

const start = () => ({ id: nodeId(), name: START, type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });

function code(name, jsCode) {
	return { id: nodeId(), name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode } };
}

/** Our Computers node, Get Many with Return All. */
function oursGetMany(credId) {
	return {
		id: nodeId(),
		name: OURS,
		type: `${PKG}.beyondTrustPmCloudComputers`,
		typeVersion: 1,
		parameters: { operation: 'getMany', returnAll: true },
		credentials: credRef(credId),
	};
}

/** Our Computers node, Get (one computer per input item, its ID from an expression or a constant). */
function oursGet(credId, idValue, extra = {}) {
	return {
		id: nodeId(),
		name: OURS,
		type: `${PKG}.beyondTrustPmCloudComputers`,
		typeVersion: 1,
		parameters: { operation: 'get', computerId: { __rl: true, mode: 'id', value: idValue } },
		credentials: credRef(credId),
		...extra,
	};
}

/**
 * n8n's HTTP Request node paginating the same list with its built-in "Update a Parameter in Each
 * Request" pagination, authenticated with our credential as a predefined credential type. It asks for
 * the same pages as our node (same sort, which our node adds for stable paging).
 */
function httpPaginate(credId, baseUrl, { sortQuery = [] } = {}) {
	return {
		id: nodeId(),
		name: HTTP,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			url: `${baseUrl}/management-api/v3/Computers`,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: CRED,
			sendQuery: true,
			queryParameters: { parameters: [...sortQuery.map(([name, value]) => ({ name, value })), { name: 'Pagination.PageSize', value: '200' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'Pagination.PageNumber', value: '={{ $pageCount + 1 }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.pageNumber >= $response.body.pageCount }}',
					},
				},
			},
		},
		credentials: credRef(credId),
	};
}

function executeWorkflowEach(subWorkflowId) {
	return {
		id: nodeId(),
		name: 'Execute Workflow',
		type: 'n8n-nodes-base.executeWorkflow',
		typeVersion: 1.2,
		parameters: {
			source: 'database',
			workflowId: { __rl: true, mode: 'id', value: subWorkflowId },
			workflowInputs: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: true },
			mode: 'each',
			options: { waitForSubWorkflow: true },
		},
	};
}

function calledByAnotherWorkflow() {
	return { id: nodeId(), name: 'Called', type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, parameters: { inputSource: 'passthrough' } };
}

module.exports = {
	PKG,
	CRED,
	OURS,
	HTTP,
	START,
	credential,
	workflow,
	start,
	code,
	oursGetMany,
	oursGet,
	httpPaginate,
	executeWorkflowEach,
	calledByAnotherWorkflow,
};
