/**
 * Runs our nodes and trigger through n8n-core's real engine (WorkflowExecute, PollContext) with the real
 * credential's preAuthentication/authenticate, against the sandbox over HTTP.
 * See ../shared/notes/n8n-core-in-tests.md for why each piece is built this way.
 */
import { Container } from '@n8n/di';
import {
	ExecutionLifecycleHooks,
	PollContext,
	TriggersAndPollers,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import { BeyondTrustPmCloudApi } from '../../credentials/BeyondTrustPmCloudApi.credentials';
import { PACKAGE_NAME } from '../../nodes/shared/engine/actionNode';

export const CREDENTIAL_ID = 'cred-1';
const credentialType = new BeyondTrustPmCloudApi();

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(type: string): INodeType | IVersionedNodeType {
		const found = this.types[type];
		if (!found) throw new Error(`Unknown node type ${type}`);
		return found;
	}
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}
	getKnownTypes() {
		return {};
	}
}

/** In-memory credential store with the server's contract (fresh copies, defaults applied, hidden token persisted). */
export class CredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, { type: string; data: ICredentialDataDecryptedObject }>();
	readonly updates: ICredentialDataDecryptedObject[] = [];

	getParentTypes(): string[] {
		return [];
	}
	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored) throw new Error(`No credential ${nodeCredentials.id}`);
		return NodeHelpers.getNodeParameters(credentialType.properties, { ...stored.data } as never, true, false, null, null) as ICredentialDataDecryptedObject;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}
	async updateCredentials(nodeCredentials: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const stored = this.store.get(nodeCredentials.id ?? '')!;
		stored.data = { ...data };
		this.updates.push({ ...data });
	}
	async updateCredentialsOauthTokenData(): Promise<void> {}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async runPreAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await credentialType.preAuthentication.call(helpers, credentials);
	}
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		if (credentials.accessToken !== '' && !credentialsExpired) return undefined;
		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (!('accessToken' in output)) return undefined;
		await this.updateCredentials(node.credentials![typeName], typeName, { ...credentials, ...output });
		return Object.assign(credentials, output);
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: WorkflowType,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const headers = (credentialType.authenticate.properties.headers ?? {}) as Record<string, string>;
		requestOptions.headers = { ...(requestOptions.headers ?? {}) };
		for (const [key, value] of Object.entries(headers)) {
			requestOptions.headers[key] = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials } as never,
				undefined,
				'',
			) as string;
		}
		return requestOptions;
	}
}

export interface Harness {
	credentials: CredentialsHelper;
	additionalData: IWorkflowExecuteAdditionalData;
	nodeTypes: NodeTypes;
	setCredential(data: IDataObject): void;
}

export function createHarness(types: INodeType[], credential: IDataObject): Harness {
	const map: Record<string, INodeType> = {};
	for (const type of types) map[`${PACKAGE_NAME}.${type.description.name}`] = type;
	const nodeTypes = new NodeTypes(map);
	const credentials = new CredentialsHelper();
	const base = 'http://localhost:5678';
	const additionalData = {
		credentialsHelper: credentials,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		executeWorkflow: async () => {
			throw new Error('not supported');
		},
		startRunnerTask: async () => {
			throw new Error('not supported');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const harness: Harness = {
		credentials,
		additionalData,
		nodeTypes,
		setCredential(data) {
			credentials.store.set(CREDENTIAL_ID, { type: credentialType.name, data: data as ICredentialDataDecryptedObject });
		},
	};
	harness.setCredential(credential);
	return harness;
}

export function makeNode(type: INodeType, parameters: IDataObject, extra: Partial<INode> = {}): INode {
	return {
		id: 'node-1',
		name: type.description.defaults.name ?? type.description.displayName,
		type: `${PACKAGE_NAME}.${type.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
		credentials: { [credentialType.name]: { id: CREDENTIAL_ID, name: 'PM Cloud' } },
		...extra,
	};
}

export interface NodeRun {
	run: IRun;
	items: INodeExecutionData[];
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

/** Runs one node on `items` through WorkflowExecute (node settings, continue on fail, paired items). */
export async function runNode(harness: Harness, node: INode, items: INodeExecutionData[] = [{ json: {} }]): Promise<NodeRun> {
	const workflowData = { id: 'wf-test', name: 'test', nodes: [node], connections: {}, active: false, settings: { executionOrder: 'v1' } };
	const workflow = new Workflow({
		id: 'wf-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: harness.nodeTypes,
		settings: { executionOrder: 'v1' } as IWorkflowSettings,
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowData as never);
	const additionalData = { ...harness.additionalData, hooks } as IWorkflowExecuteAdditionalData;
	const runExecutionData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
	});
	const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		run,
		items: taskData?.data?.main?.[0] ?? [],
		error: (run.data.resultData.error ?? taskData?.error) as NodeRun['error'],
	};
}

export interface PollRun {
	result: INodeExecutionData[][] | null;
	error?: Error & { description?: string; httpCode?: string };
	/** Static data as the server would save it (only when the poll emitted, like n8n). */
	staticData: IDataObject;
	changed: boolean;
}

/** One poll through PollContext + TriggersAndPollers, with static data persisted like the server does. */
export async function runPoll(
	harness: Harness,
	node: INode,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<PollRun> {
	const workflow = new Workflow({
		id: 'wf-poll',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: harness.nodeTypes,
		settings: { executionOrder: 'v1' } as IWorkflowSettings,
		staticData: JSON.parse(JSON.stringify(staticData)),
	});
	const ctx = new PollContext(workflow, node, harness.additionalData, mode, mode === 'manual' ? 'manual' : 'activate', () => {}, () => {});
	let result: INodeExecutionData[][] | null = null;
	let error: PollRun['error'];
	try {
		result = (await Container.get(TriggersAndPollers).runPollFunction(workflow, node, ctx)) ?? null;
	} catch (caught) {
		error = caught as PollRun['error'];
	}
	const live = workflow.staticData as IDataObject;
	const changed = Boolean(live.__dataChanged);
	const saved = JSON.parse(JSON.stringify(live)) as IDataObject;
	delete saved.__dataChanged;
	return { result, error, staticData: saved, changed };
}
