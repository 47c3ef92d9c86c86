// Lint rules that keep the layers honest: no electron in renderer/ or shared/, no node:* in shared/,
// raw ipcMain/ipcRenderer only in main's ipc binding and the preload, no floating promises, no any.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electronOnlyInShell = {
  paths: [
    {
      name: 'electron',
      message:
        'Only electron/main/shell, electron/main/index.ts, ipc/bind-electron.ts and the preload may import electron.'
    }
  ]
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'release/**',
      'node_modules/**',
      'artifacts/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      '*.config.*',
      'eslint.config.mjs',
      'scripts/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }]
    }
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/shell/**', 'electron/main/index.ts', 'electron/main/ipc/bind-electron.ts'],
    rules: { 'no-restricted-imports': ['error', electronOnlyInShell] }
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc/bind-electron.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Use the IPC registry (electron/main/ipc); raw ipcMain lives only in ipc/bind-electron.ts.'
        },
        {
          selector: "MemberExpression[property.name='ipcMain']",
          message: 'Use the IPC registry; raw ipcMain lives only in ipc/bind-electron.ts.'
        },
        {
          selector: "ImportSpecifier[imported.name='ipcRenderer']",
          message: 'ipcRenderer belongs to the preload only.'
        }
      ]
    }
  },
  {
    files: ['electron/simulator/**/*.ts', 'electron/preview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The simulator and preview host are plain Node.' }] }
      ]
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer is untrusted: talk to main through lib/ipc.ts.' }],
          patterns: [
            { group: ['node:*'], message: 'No Node built-ins in the renderer.' },
            {
              group: ['**/electron/**', '!**/electron/preview/bridge'],
              message: 'The renderer may not import main-process code.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is imported by both sides: no electron.' }],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'shared/ must run in the renderer too: no Node built-ins.'
            },
            {
              group: ['**/electron/**', '**/renderer/**', 'react', 'react-dom'],
              message: 'shared/ depends on nothing but zod.'
            }
          ]
        }
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage']
    }
  },
  {
    files: ['electron/preload/**/*.ts', 'electron/preview/bridge.ts'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' }
  }
)
