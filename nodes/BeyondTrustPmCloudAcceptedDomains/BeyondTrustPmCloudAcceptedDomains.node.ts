import { acceptedDomains } from '../shared/catalogue/acceptedDomains';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudAcceptedDomains extends PmCloudActionNode {
	constructor() {
		super(acceptedDomains);
	}
}
