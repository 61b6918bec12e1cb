import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { pollStream } from '../shared/trigger/poll';
import { STREAMS } from '../shared/trigger/streams';

const streamFilters: INodeProperties[] = STREAMS.filter((stream) => stream.filters.length).map((stream) => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	displayOptions: { show: { event: [stream.value] } },
	options: stream.filters.map((filter) =>
		filter.options
			? // eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- the first option of the filter
				{ displayName: filter.displayName, name: filter.name, type: 'options', options: filter.options, default: filter.options[0].value, description: filter.description }
			: { displayName: filter.displayName, name: filter.name, type: 'string', default: '', placeholder: filter.placeholder, description: filter.description },
	),
}));

export class BeyondTrustPmCloudTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'BeyondTrust PM Cloud Trigger',
		name: 'beyondTrustPmCloudTrigger',
		icon: { light: 'file:../../icons/beyondtrust.svg', dark: 'file:../../icons/beyondtrust.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow on new endpoint events, JIT requests, activity audits or computers in BeyondTrust PM Cloud',
		defaults: { name: 'BeyondTrust PM Cloud Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'beyondTrustPmCloudApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: STREAMS.map((stream) => ({ name: stream.name, value: stream.value, description: stream.description })),
				default: 'newClientEvent',
			},
			...streamFilters,
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'options',
				options: [
					{ name: 'A Date', value: 'date' },
					{ name: 'Last Day', value: 'lastDay' },
					{ name: 'Last Hour', value: 'lastHour' },
					{ name: 'Last Week', value: 'lastWeek' },
					{ name: 'Now (Only New Records)', value: 'now' },
				],
				default: 'now',
				description: 'What the first poll after activation emits: nothing (a baseline), or the records since then',
			},
			{
				displayName: 'Start Date',
				name: 'startDate',
				type: 'dateTime',
				default: '',
				displayOptions: { show: { startFrom: ['date'] } },
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{ name: 'Simplified', value: 'simplified', description: 'The fields most workflows need' },
					{ name: 'Raw', value: 'raw', description: 'The whole record as the API returns it' },
				],
				default: 'simplified',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Items per Poll',
						name: 'maxItemsPerPoll',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 10000,
						description: 'A larger backlog is emitted over several polls, in order',
					},
					{
						displayName: 'Max Seconds per Poll',
						name: 'maxPollSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 45,
						description: 'The poll emits what it has read when this time is up; the next poll goes on from there',
					},
					{
						displayName: 'Overlap (Seconds)',
						name: 'overlapSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 120,
						description: 'Each poll re-reads this much before its cursor, to catch records indexed late; repeats are dropped',
					},
				],
			},
		],
	};

	poll = pollStream;
}
