import { scimResourceTypes } from '../shared/catalogue/scimResourceTypes';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudScimResourceTypes extends PmCloudActionNode {
	constructor() {
		super(scimResourceTypes);
	}
}
