import { file } from '../shared/catalogue/file';
import { PmCloudActionNode } from '../shared/engine/actionNode';

export class BeyondTrustPmCloudFile extends PmCloudActionNode {
	constructor() {
		super(file);
	}
}
