import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../sandbox';

/**
 * One run of one operation through n8n's engine against the sandbox (see test/operations.test.ts).
 * Every operation of every node has at least one case; the runner asserts the request the sandbox
 * received and then calls `expectOutput`.
 */
export interface OperationCase {
	/** The node's operation value, e.g. `getMany`. */
	operation: string;
	title?: string;
	/** Node parameters other than `operation`. Resource locators: `{ __rl: true, mode: 'id', value: '<uuid>' }`. */
	parameters?: IDataObject;
	/** Parameters computed from the sandbox's seeded state (e.g. an existing computer ID); merged over `parameters`. */
	prepare?: (sandbox: Sandbox) => IDataObject | Promise<IDataObject>;
	/** Input items; default one empty item. */
	input?: (sandbox: Sandbox) => INodeExecutionData[] | Promise<INodeExecutionData[]>;
	/** The last API request the node sent must match: method, path (string = exact, as sent), and optionally query pairs (subset, in order of appearance) and JSON body (deep equal). */
	expectRequest: (sandbox: Sandbox, parameters: IDataObject) => {
		method: string;
		path: string;
		query?: Array<[string, string]>;
		body?: unknown;
	};
	/** Assertions on the node's output items (paired items are checked by the runner). */
	expectOutput: (items: INodeExecutionData[], sandbox: Sandbox, requests: RecordedRequest[]) => void | Promise<void>;
}

export interface TagCases {
	/** The tag declaration's `tag`, e.g. `Computers`. */
	tag: string;
	cases: OperationCase[];
}
