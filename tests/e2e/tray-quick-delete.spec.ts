// The tray, driven through the preview host's HTML rendering of the same menu model: a busy menu across the
// demo profiles, quick delete cancelled (nothing deleted) and confirmed (gone from the simulator and the menu),
// and a locked node whose Delete… is disabled with the reason.
import type { ProfileNodes } from '../../shared/domain/node-state'
import { test, expect, shoot, type PreviewHandle } from './fixtures'
import { exploreDemo } from './window-helpers'

// Real-time transitions keep the demo's Creating nodes changing while the screenshot is taken.
test.use({ hostOptions: { transitions: 'real' } })

async function findNode(ipc: (c: string, i?: unknown) => Promise<unknown>, name: string) {
  const snapshot = (await ipc('nodes:snapshot')) as ProfileNodes[]
  for (const p of snapshot) {
    const node = p.nodes.find((n) => n.name === name)
    if (node) return { profileId: p.profileId, node }
  }
  throw new Error(`no node named ${name}`)
}

/** Node ids the simulator really holds for a profile's project and location. */
async function simNodeIds(preview: PreviewHandle, profileId: string): Promise<number[]> {
  const profile = (await preview.ipc<{ id: string; projectId: string; location: string }[]>('profiles:list')).find(
    (p) => p.id === profileId
  )!
  const { demo } = await preview.hook<{ demo: { apiKey: string } }>('sim/now')
  const { result } = await preview.hook<{ result: { id: number }[] }>('sim/getNodes', {
    apiKey: demo.apiKey,
    projectId: Number(profile.projectId),
    location: profile.location
  })
  return result.map((n) => n.id)
}

test('quick delete from the tray: cancelled deletes nothing, confirmed deletes the node', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Tray' }).click()
  const tray = page.getByTestId('tray-preview')
  await expect(tray.getByRole('list', { name: 'Tray menu' })).toBeVisible()
  // Busy: several profiles, changing and failed nodes.
  await expect(tray).toContainText('changing')
  await expect(tray).toContainText('failed')
  await shoot(page, 'tray-busy')

  const { profileId, node } = await findNode(preview.ipc, 'api-staging')
  const open = tray.locator(`button[data-item-id="node:${profileId}:${node.id}"]`)
  const del = tray.locator(`button[data-item-id="node:${profileId}:${node.id}:delete"]`)

  await open.click()
  await del.click()
  const dialog = page.getByRole('alertdialog')
  await expect(dialog).toContainText('Delete api-staging?')
  await expect(dialog).toContainText(node.publicIp ?? node.privateIp ?? '')
  await shoot(page, 'tray-quick-delete-confirm')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(await simNodeIds(preview, profileId)).toContain(node.id)

  if ((await del.count()) === 0) await open.click()
  await del.click()
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete api-staging' }).click()
  await expect.poll(() => simNodeIds(preview, profileId), { timeout: 15_000 }).not.toContain(node.id)
  await expect
    .poll(
      () =>
        findNode(preview.ipc, 'api-staging').then(
          () => 'listed',
          () => 'gone'
        ),
      { timeout: 15_000 }
    )
    .toBe('gone')
  await expect(tray.locator(`button[data-item-id="node:${profileId}:${node.id}"]`)).toHaveCount(0)
})

test('a locked node cannot be quick-deleted: Delete… is disabled with the reason', async ({ page, preview }) => {
  await exploreDemo(page, preview)
  await page.getByRole('tab', { name: 'Tray' }).click()
  const tray = page.getByTestId('tray-preview')
  const { profileId, node } = await findNode(preview.ipc, 'web-02')
  expect(node.isLocked).toBe(true)
  await tray.locator(`button[data-item-id="node:${profileId}:${node.id}"]`).click()
  const del = tray.locator(`button[data-item-id="node:${profileId}:${node.id}:delete"]`)
  await expect(del).toBeDisabled()
  await expect(tray).toContainText(/locked/i)
})
