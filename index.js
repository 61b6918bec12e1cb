// n8n loads the nodes and the credential listed in package.json's "n8n" block from dist/.
// This file exists so `require('n8n-nodes-beyondtrust-pm-cloud')` resolves; it exports nothing else.
module.exports = {};
