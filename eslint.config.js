import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'console/dist/**', '.forge/**', 'drizzle/**', 'test-artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(skip|only|todo)$/]", message: 'No skipped, focused or todo tests.' },
      ],
    },
  },
  {
    files: ['connectors/**/*.ts'],
    ignores: ['connectors/**/*.test.ts', 'connectors/**/sandbox*.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Connectors call HTTP through ctx.http.' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Credentials come from the store.' }],
      'no-restricted-imports': ['error', { paths: [{ name: 'undici', message: 'Connectors call HTTP through ctx.http.' }] }],
    },
  },
);
