'use strict';
module.exports = () => '## Analysis\n\n(todo)';
