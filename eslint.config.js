// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Dates are values everywhere: stores hand out the Date objects they hold (the memory photo catalog
 * shares its frozen records), so changing one in place would change stored data.
 */
const NO_DATE_MUTATION = {
  selector: 'CallExpression[callee.property.name=/^set(UTC)?(Date|FullYear|Hours|Milliseconds|Minutes|Month|Seconds|Time|Year)$/]',
  message: 'Dates are immutable values here: build a new Date instead.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', 'stubs/**', '**/*.cjs', '**/public/**', 'deploy/.build/**', '.bench-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A dropped promise is an acknowledged write that may never happen.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', NO_DATE_MUTATION],
    },
  },
  {
    // The domain is pure: time and randomness come through the Clock and IdGenerator ports.
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use the Clock port.' },
        { object: 'Math', property: 'random', message: 'Use the IdGenerator or a randomness port.' },
      ],
      'no-restricted-syntax': [
        'error',
        NO_DATE_MUTATION,
        { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: 'Use the Clock port.' },
        { selector: 'Decorator', message: 'The domain has no decorators; bind in the composition root.' },
      ],
    },
  },
);
