import { users } from '../shared/catalogue/users';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudUsers extends PmCloudActionNode {
	constructor() {
		super(users);
	}
}
