import { events } from '../shared/catalogue/events';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudEvents extends PmCloudActionNode {
	constructor() {
		super(events);
	}
}
