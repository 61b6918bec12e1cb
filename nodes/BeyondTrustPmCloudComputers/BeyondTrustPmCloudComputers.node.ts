import { computers } from '../shared/catalogue/computers';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudComputers extends PmCloudActionNode {
	constructor() {
		super(computers);
	}
}
