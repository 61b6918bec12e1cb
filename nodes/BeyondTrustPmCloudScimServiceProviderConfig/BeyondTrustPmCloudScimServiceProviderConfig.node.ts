import { scimServiceProviderConfig } from '../shared/catalogue/scimServiceProviderConfig';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudScimServiceProviderConfig extends PmCloudActionNode {
	constructor() {
		super(scimServiceProviderConfig);
	}
}
