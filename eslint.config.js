// Lint: a small, deliberate rule set on top of the recommended ones. What it
// guards: promises nobody awaits (a CLI that exits before writing), type-only
// imports kept apart (the bundle and the worker load no more than they need),
// exceljs only behind src/workbook/, and no stray output from library code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vitest-tmp/**', 'coverage/**', 'fixtures/**', 'catalogs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['vitest.config.ts'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      // Control characters are matched on purpose: to show them visibly and to clean spreadsheet text.
      'no-control-regex': 'off',
      'prefer-const': 'error',
    },
  },
  {
    // Tests patch configs and fixtures as loose JSON.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Library code reports through return values and the CLI context, never by printing.
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // exceljs stays behind src/workbook/: everything else sees plain data.
    files: ['src/**/*.ts'],
    ignores: ['src/workbook/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['exceljs', 'exceljs/*'], message: 'exceljs is used only inside src/workbook/.' }] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
