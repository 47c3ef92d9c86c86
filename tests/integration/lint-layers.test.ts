// The layer rule (ARCHITECTURE.md, "Layers in main") and the test-support ban are enforced by eslint.config.mjs. This lints small probe
// files through ESLint's Node API, placed by path in a layer, and checks that a forbidden import fails and a
// permitted one passes. Only no-restricted-imports runs, without type information, so each case is quick.
import { ESLint } from 'eslint'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports'
})

/** The no-restricted-imports messages for `code` linted as if it were the file at `path`. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`)
}

describe('layer rule inside electron/main', () => {
  it.each([
    [
      'a service importing app/',
      'electron/main/nodes/probe.ts',
      "import type { MainServices } from '../app/create-main'"
    ],
    ['a service importing ipc/', 'electron/main/tray/probe.ts', "import { EventBus } from '../ipc/events'"],
    [
      'a service importing shell/',
      'electron/main/updates/probe.ts',
      "import { createMainWindow } from '../shell/window'"
    ],
    [
      'a leaf service importing another service',
      'electron/main/api/probe.ts',
      "import type { NodesService } from '../nodes/nodes.types'"
    ],
    [
      'profiles/ importing nodes/',
      'electron/main/profiles/probe.ts',
      "import { createNodesService } from '../nodes/index'"
    ],
    [
      'ipc/ importing a service',
      'electron/main/ipc/probe.ts',
      "import type { ProfilesService } from '../profiles/profiles.types'"
    ],
    ['app/ importing shell/', 'electron/main/app/probe.ts', "import { hardenApp } from '../shell/security'"],
    ['a base module importing a service', 'electron/main/probe.ts', "import { createPoller } from './poller/poller'"],
    ['a folder importing the entry', 'electron/main/shell/probe.ts', "import '../index'"]
  ])('refuses %s', async (_what, path, code) => {
    const errors = await layerErrors(path, `${code}\n`)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^no-restricted-imports: .*(layer rule|the entry)/)
  })

  it('refuses electron outside shell/ and index.ts', async () => {
    expect(await layerErrors('electron/main/nodes/probe.ts', "import { app } from 'electron'\n")).toEqual([
      expect.stringMatching(/Only electron\/main\/shell\//)
    ])
    expect(await layerErrors('electron/main/shell/probe.ts', "import { app } from 'electron'\n")).toEqual([])
  })

  it.each([
    [
      'a service importing a base module and a lower service',
      'electron/main/nodes/probe.ts',
      "import type { Clock } from '../ports'\nimport { DomainError } from '../errors'\nimport type { ProfilesService } from '../profiles/profiles.types'"
    ],
    [
      'a service importing shared/',
      'electron/main/poller/probe.ts',
      "import type { ProfileNodes } from '../../../shared/domain/node-state'"
    ],
    [
      'app/ importing ipc/ and services',
      'electron/main/app/probe.ts',
      "import { createRegistry } from '../ipc/registry'\nimport { createNodesService } from '../nodes/index'"
    ],
    [
      'shell/ importing app/',
      'electron/main/shell/probe.ts',
      "import { allowedExternalHref } from '../app/external-links'"
    ],
    [
      'a folder importing its own index',
      'electron/main/tray/probe.ts',
      "import { createTrayController } from './index'"
    ]
  ])('permits %s', async (_what, path, code) => {
    expect(await layerErrors(path, `${code}\n`)).toEqual([])
  })
})

describe('test support stays out of product code', () => {
  it.each([
    ['main', 'electron/main/nodes/probe.ts', "import { makeNode } from '../../../tests/support/builders'"],
    ['a base module', 'electron/main/probe.ts', "import { makeNode } from '../../tests/support/builders'"],
    ['the simulator', 'electron/simulator/probe.ts', "import { call } from '../../tests/support/sim-client'"],
    [
      'the renderer',
      'renderer/src/features/nodes/probe.tsx',
      "import { installFake } from '../../../../tests/support/renderer/setup-fake'"
    ],
    ['a helper named like test support', 'electron/main/nodes/probe.ts', "import { fake } from './nodes.fakes'"],
    ['shared/', 'shared/domain/probe.ts', "import { makeNode } from '../../tests/support/builders'"]
  ])('refuses test support imported by %s', async (_where, path, code) => {
    expect(await layerErrors(path, `${code}\n`)).toEqual([expect.stringMatching(/never imports test support/)])
  })

  it('permits it in tests', async () => {
    const code = "import { call } from '../../tests/support/sim-client'\n"
    expect(await layerErrors('electron/simulator/probe.test.ts', code)).toEqual([])
    const tsx = "import { renderWizard } from '../../../../tests/support/renderer/wizard-test-utils'\n"
    expect(await layerErrors('renderer/src/features/create-wizard/probe.test.tsx', tsx)).toEqual([])
  })
})
