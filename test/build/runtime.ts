/**
 * What a production install holds besides node_modules: the production-install test copies
 * these, and the Dockerfile's runtime stage must copy the same (the container test checks it).
 * vendor/ holds the local stand-in package the lock file links (see package.json overrides).
 */
export const RUNTIME_FILES = ['package.json', 'package-lock.json', 'dist', 'vendor'] as const;
