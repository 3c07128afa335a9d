// The build's last step: dist/facetty.1 from the compiled tables (source/man-page.ts), with the
// version of package.json. package.json's "man" installs it with the command.
import fs from 'node:fs';
import {manPage} from '../dist/man-page.js';

const root = new URL('../', import.meta.url);
const {version} = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8'));
fs.writeFileSync(new URL('dist/facetty.1', root), manPage(version));
