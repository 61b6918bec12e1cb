const { src, dest } = require('gulp');

/** Copies the node and credential icons (and codex-adjacent assets) into dist/. */
function buildIcons() {
	return src('icons/**/*.svg').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
