import { scimSchemas } from '../shared/catalogue/scimSchemas';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudScimSchemas extends PmCloudActionNode {
	constructor() {
		super(scimSchemas);
	}
}
