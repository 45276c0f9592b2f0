// `npm run icons`: redraws manifest/color.png and manifest/outline.png (deterministic).
import { writeFileSync } from 'node:fs';
import { drawColorIcon, drawOutlineIcon } from './app-package/icons.js';

writeFileSync('manifest/color.png', drawColorIcon());
writeFileSync('manifest/outline.png', drawOutlineIcon());
process.stdout.write('wrote manifest/color.png (192×192) and manifest/outline.png (32×32)\n');
