// Lint rules that keep the layers honest: no electron in renderer/ or shared/, no node:* in shared/, the layer
// rule inside electron/main (ARCHITECTURE.md, "Layers in main"), raw ipcMain/ipcRenderer only in main's ipc
// binding and the preload, no floating promises, no any.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const electronOnlyInShell = {
  name: 'electron',
  message: 'Only electron/main/shell/, electron/main/index.ts and the preload may import electron.'
}

// Test support lives under tests/ (tests/support, tests/setup): product code never imports it, nor anything
// named like test support should one reappear beside product code.
const NO_TEST_SUPPORT = [
  { regex: '^(\\.\\./)+tests/', message: 'Product code never imports test support (tests/).' },
  {
    regex: '(^|/)(testing/|test-support$|fake-clock$|[^/]+\\.fakes$|[^/]+\\.fixtures$)',
    message: 'Product code never imports test support; it belongs in tests/support.'
  }
]
const TESTS = ['**/*.test.ts', '**/*.test.tsx']

const plainNode = { name: 'electron', message: 'The simulator and preview host are plain Node.' }
const rendererImports = {
  paths: [{ name: 'electron', message: 'The renderer is untrusted: talk to main through lib/ipc.ts.' }],
  patterns: [
    { group: ['node:*'], message: 'No Node built-ins in the renderer.' },
    {
      group: ['**/electron/**', '!**/electron/preview/bridge'],
      message: 'The renderer may not import main-process code.'
    }
  ]
}

// electron/main's layers, top to bottom: index.ts → shell/ → app/ → ipc/ and the services → the base modules
// (errors.ts, ports.ts, redact.ts) and shared/. Each folder is one level deep, so a sibling is always '../name'.
const SERVICES = [
  'api',
  'demo',
  'logging',
  'nodes',
  'notifications',
  'poller',
  'profiles',
  'tray',
  'updates',
  'vault',
  'wizard'
]
// Services that stand on their own: they import no other service.
const LEAF_SERVICES = ['api', 'demo', 'logging', 'notifications', 'poller', 'updates', 'vault', 'wizard']
const mainFolder = (folder, prefix = '../') => new RegExp(`^${prefix.replace(/[./]/g, '\\$&')}${folder}(/|$)`).source
const layerBan = (folders, why, prefix) =>
  folders.map((folder) => ({ regex: mainFolder(folder, prefix), message: `${why} (layer rule: ARCHITECTURE.md).` }))
const noEntry = { regex: '^\\.\\./index$', message: 'Nothing imports electron/main/index.ts: it is the entry.' }
/** What each folder of electron/main may not import. */
const MAIN_LAYERS = {
  shell: [],
  app: layerBan(['shell'], 'app/ is wired by the shell and the preview host; it never imports shell/'),
  ipc: layerBan(['app', 'shell', ...SERVICES], 'ipc/ knows channels and envelopes, not the app or its services'),
  ...Object.fromEntries(
    SERVICES.map((service) => [
      service,
      [
        ...layerBan(['app', 'ipc', 'shell'], 'Services never import app/, ipc/ or shell/'),
        ...(LEAF_SERVICES.includes(service)
          ? layerBan(
              SERVICES.filter((s) => s !== service),
              `${service}/ is a leaf service: it imports no other service`
            )
          : []),
        ...(service === 'profiles' ? layerBan(['nodes', 'tray'], 'profiles/ sits below nodes/ and tray/') : []),
        ...(service === 'nodes' ? layerBan(['tray'], 'nodes/ sits below tray/') : [])
      ]
    ])
  )
}
// The base modules beside index.ts import only shared/.
const BASE_BAN = layerBan(['index', 'shell', 'app', 'ipc', ...SERVICES], 'The base modules import only shared/', './')

/** One no-restricted-imports entry per folder (a later entry for the same file would replace an earlier one). */
const mainLayerConfigs = [
  ...Object.entries(MAIN_LAYERS).map(([folder, patterns]) => ({
    files: [`electron/main/${folder}/**/*.ts`],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: folder === 'shell' ? [] : [electronOnlyInShell],
          patterns: [...patterns, noEntry, ...NO_TEST_SUPPORT]
        }
      ]
    }
  })),
  {
    files: ['electron/main/*.ts'],
    ignores: ['electron/main/index.ts', 'electron/main/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOnlyInShell], patterns: [...BASE_BAN, ...NO_TEST_SUPPORT] }]
    }
  },
  {
    // Tests may reach across layers to build their rigs, but not into electron.
    files: ['electron/main/**/*.test.ts'],
    ignores: ['electron/main/shell/**', 'renderer/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOnlyInShell] }] }
  }
]

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
      // The build and CI scripts are plain Node .mjs; the TypeScript ones are linted like the rest.
      'scripts/**/*.mjs',
      'scripts/**/*.d.mts'
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
  ...mainLayerConfigs,
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/shell/ipc-main-binding.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Use the IPC registry (electron/main/ipc); raw ipcMain lives only in shell/ipc-main-binding.ts.'
        },
        {
          selector: "MemberExpression[property.name='ipcMain']",
          message: 'Use the IPC registry; raw ipcMain lives only in shell/ipc-main-binding.ts.'
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
    rules: { 'no-restricted-imports': ['error', { paths: [plainNode], patterns: NO_TEST_SUPPORT }] }
  },
  {
    files: ['electron/simulator/**/*.test.ts', 'electron/preview/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [plainNode] }] }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { ...rendererImports, patterns: [...rendererImports.patterns, ...NO_TEST_SUPPORT] }
      ]
    }
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', rendererImports] }
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
            },
            ...NO_TEST_SUPPORT
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
