// Resolves the workspace aliases (@prp/*) of tsconfig.base.json to the compiled files in dist/ at run time:
// node -r ./deploy/scripts/register-paths.js dist/services/<name>/src/main.js
const path = require('path');
const { register } = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

const paths = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) paths[alias] = [target.replace(/\.ts$/, '')];
register({ baseUrl: path.join(__dirname, '../../dist'), paths });
