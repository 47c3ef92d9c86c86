// The packaged app loads keytar from inside its asar. The fuses forbid --inspect, so Playwright cannot drive a
// packaged build; the app's own `--self-check` answers instead. CI sets NODETRAY_PACKAGED_APP to the executable
// electron-builder made (release/…); elsewhere this test is skipped with that reason.
import { expect, test } from '@playwright/test'
import { spawnSync } from 'node:child_process'
import { rootArgs } from './electron-app'

const executable = process.env.NODETRAY_PACKAGED_APP

test('the packaged app loads keytar from inside app.asar', () => {
  test.skip(
    !executable,
    'NODETRAY_PACKAGED_APP is not set (it points at a packaged build; CI sets it after npm run dist)'
  )
  const run = spawnSync(executable!, [...rootArgs, '--self-check'], { encoding: 'utf8', timeout: 60_000 })
  const line = run.stdout.trim().split('\n').pop() ?? ''
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0)
  expect(JSON.parse(line)).toMatchObject({ keytar: 'loaded', insideAsar: true })
})
