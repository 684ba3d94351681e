// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const features = [
  'accounts',
  'communities',
  'conversations',
  'search',
  'activity',
  'demo',
  'markdown',
  'mail',
  'analytics',
  'importers',
  'own-data',
  'live',
  'jobs',
  'notifications',
  'messages',
  'recognition',
  'teams',
  'pulse',
  'welcome',
  'buddies',
  'first-post-alert',
  'first-steps',
  'crisis',
  'announcements',
  'moderation',
  'trust',
  'watch-words',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] } },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // A feature is reached only through its index.ts: no reaching into another feature's files.
      'no-restricted-imports': [
        'error',
        {
          patterns: features.map((f) => ({
            group: [`../${f}/*`, `!../${f}/index.js`, `../../${f}/*`, `!../../${f}/index.js`],
            message: `Import ${f} through its index.ts only.`,
          })),
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Small browser scripts served as they are.
    files: ['public/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly' } },
  },
);
