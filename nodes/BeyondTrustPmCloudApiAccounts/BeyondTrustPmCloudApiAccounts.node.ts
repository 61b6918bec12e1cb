import { apiAccounts } from '../shared/catalogue/apiAccounts';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudApiAccounts extends PmCloudActionNode {
	constructor() {
		super(apiAccounts);
	}
}
