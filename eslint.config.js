import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const botFramework = {
  group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
  message: 'Only bot/ may import the Bot Framework SDK.',
};

/**
 * Features never import one another: each reads another's model types and ports
 * only (src/<feature>/meeting.ts, ports.ts), and src/app wires the answers in.
 */
const FEATURES = ['items', 'meetings', 'surveys', 'policy'];
const featureZones = FEATURES.flatMap((feature) =>
  FEATURES.filter((other) => other !== feature).map((other) => ({
    target: `./src/${feature}`,
    from: `./src/${other}`,
    except: ['./ports.ts', ...(other === 'meetings' ? ['./meeting.ts'] : [])],
    message: 'Features talk through ports (src/<feature>/ports.ts), wired in src/app.',
  })),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'data/', 'test-output/', 'manifest/build/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // `_name` marks what is left out on purpose, e.g. fields removed by destructuring.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // The domain must not depend on the bot SDK: only bot/ may import botbuilder.
      // A feature declares the few services it uses; only the app sees them all.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            botFramework,
            {
              group: ['**/app/services.js'],
              message: 'Declare what the feature uses (src/<feature>/deps.ts); src/app wires it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The app and its composition root (src/app/honbu.ts) build the services.
    files: ['src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botFramework] }] },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: featureZones }],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Mocha's settings file (.mocharc.cjs): Mocha reads its settings with require().
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bot/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
