// ESLint (flat config) with typescript-eslint: the rules that keep the house as STYLE.md describes it.
// Formatting is Prettier's (.prettierrc.json); eslint-config-prettier turns off the rules that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const NODE_GLOBALS = {
  require: 'readonly',
  module: 'writable',
  process: 'readonly',
  console: 'readonly',
  __dirname: 'readonly',
  Buffer: 'readonly',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its errors (and, in a transaction, its ordering).
      '@typescript-eslint/no-floating-promises': 'error',
      // `_name` marks what is left out on purpose (a destructured field dropped, an unused parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Files under ~400 lines (code lines; blank lines and comments do not count). The requirement catalogues are data.
    files: ['src/**/*.ts'],
    ignores: ['src/requirements/catalogues/tt12-2022-level-*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Features talk through what they export: another feature's table through its service or its *-writes.ts /
    // *.query.ts file (src/architecture/table-owners.ts), never its entity as a value; modules, not controllers; and the
    // web pages are leaves nothing else imports.
    files: ['src/**/*.ts'],
    ignores: ['src/database/entities.ts', 'src/app.module.ts', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*/*.entity', '../../*/*.entity', '../../../*/*.entity'],
              allowTypeImports: true,
              message: "Another feature's entity only as a type: read and write its table through that feature's service or query file.",
            },
            { group: ['../*/*.controller', '../../*/*.controller'], message: 'Controllers are wired by their own module.' },
            { group: ['../web/*', '../../web/*'], message: 'The web pages are leaves: features do not import them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests and benchmarks may load a module lazily and type loosely what they poke at.
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
