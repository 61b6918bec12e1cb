import { scimUsers } from '../shared/catalogue/scimUsers';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudScimUsers extends PmCloudActionNode {
	constructor() {
		super(scimUsers);
	}
}
