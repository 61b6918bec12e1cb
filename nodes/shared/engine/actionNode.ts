import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { TagDeclaration } from '../catalogue/types';
import { CREDENTIAL_TYPE } from '../transport/request';
import { executeOperation } from './execute';
import { listSearch } from './locators';
import { buildProperties } from './properties';

export const PACKAGE_NAME = 'n8n-nodes-beyondtrust-pm-cloud';
export const ICON = { light: 'file:../../icons/beyondtrust.svg', dark: 'file:../../icons/beyondtrust.dark.svg' } as const;

export function nodeName(tag: TagDeclaration): string {
	return `beyondTrustPmCloud${tag.tag}`;
}

export function describeNode(tag: TagDeclaration): INodeTypeDescription {
	const displayName = `BeyondTrust PM Cloud ${tag.displayName}`;
	return {
		displayName,
		name: nodeName(tag),
		icon: ICON,
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: tag.description,
		defaults: { name: displayName },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: buildProperties(tag),
	};
}

/**
 * Every action node is this class with its tag's declarations: the node files only name their tag.
 * n8n calls execute() with the execution context as `this`, so the tag is bound in the constructor.
 */
export abstract class PmCloudActionNode implements INodeType {
	description: INodeTypeDescription;

	methods = { listSearch };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	protected constructor(tag: TagDeclaration) {
		this.description = describeNode(tag);
		this.execute = async function (this: IExecuteFunctions) {
			return await executeOperation.call(this, tag);
		};
	}
}
