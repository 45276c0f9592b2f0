/**
 * What a production install holds besides node_modules: `npm run stage` copies these
 * (scripts/stage.mjs; the production-install test checks the staged folder holds exactly them),
 * and the Dockerfile's runtime stage must copy the same (the container test checks it).
 * vendor/ holds the local stand-in package the lock file links (see package.json overrides).
 */
export const RUNTIME_FILES = ['package.json', 'package-lock.json', 'vendor', 'dist'] as const;
