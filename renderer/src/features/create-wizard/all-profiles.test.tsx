// "Create node" from "All profiles": step 1 offers every profile, grouped by project (the demo marked), with the
// ones that cannot create shown disabled and why; nothing is chosen while there is a real choice, the only usable
// profile is chosen for the user, and everything after step 1 (OS, plans, options, draft, create, follow) goes to
// the chosen profile.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeNode, makeProfile, makeProfileNodes } from '../../../../tests/support/builders'
import { installBridge } from '../../../../tests/support/renderer/reset'
import { installFake, resetStoresAfterEach } from '../../../../tests/support/renderer/setup-fake'
import { createFakeBridge, type FakeBridge } from '../../../../tests/support/renderer/wizard-fake-bridge'
import { OPTIONS, OS_FAMILIES, PLANS, PROFILE } from '../../../../tests/support/renderer/wizard-fixtures'
import { nextButton, setName } from '../../../../tests/support/renderer/wizard-test-utils'
import { loadAll } from '../../stores/events'
import { useNodesStore } from '../../stores/nodes.store'
import { useUiStore } from '../../stores/ui.store'
import { NodeListScreen } from '../nodes/NodeListScreen'
import { REASONS } from '../node-detail/node-action-model'
import { CreateWizard } from './CreateWizard'
import { groupByProject, projectTitle, soleUsable } from './profile-choice'

resetStoresAfterEach()
afterEach(() => installBridge(null))

const creds = PROFILE.credentials
const DELHI = makeProfile({ id: 'p2', name: 'Chennai prod Delhi', location: 'Delhi', projectId: PROFILE.projectId })
const ML = makeProfile({ id: 'p3', name: 'ML research', location: 'Delhi', projectId: '60001', initials: 'ML' })
const REJECTED = makeProfile({
  id: 'p4',
  name: 'Old staging',
  projectId: '70001',
  credentials: { ...creds, tokenState: 'rejected' }
})
const LOCKED = makeProfile({
  id: 'p5',
  name: 'Finance',
  location: 'Chennai',
  projectId: '80001',
  credentials: { ...creds, secret: 'locked' }
})
const OFFLINE = makeProfile({ id: 'p6', name: 'Edge', location: 'Chennai', projectId: '90001' })
const DEMO = makeProfile({
  id: 'demo-1',
  name: 'Demo · default-project (Chennai)',
  location: 'Chennai',
  projectId: '10001',
  apiBaseUrl: 'http://127.0.0.1:1/api',
  isDemo: true
})

function openFromAll(
  profiles = [PROFILE, DELHI, ML, REJECTED, LOCKED, OFFLINE, DEMO],
  snapshot?: ReturnType<typeof makeProfileNodes>[]
) {
  const fake: FakeBridge = createFakeBridge()
  fake.api.state.profiles = profiles
  if (snapshot) fake.api.state.snapshot = snapshot
  installBridge(fake.api)
  // Edge's last fetch could not reach E2E.
  useNodesStore.setState({
    byProfile: {
      p6: makeProfileNodes({
        profileId: 'p6',
        error: { code: 'NETWORK', message: 'offline', reason: 'offline' }
      })
    }
  })
  const onCreated = vi.fn()
  render(<CreateWizard profileId={null} onClose={vi.fn()} onCreated={onCreated} />)
  return { fake, onCreated }
}

const cardOf = (id: string) =>
  screen.getAllByTestId('cw-profile-card').find((c) => c.getAttribute('data-profile-id') === id)!
const radioOf = (id: string) => within(cardOf(id)).getByRole('radio')

describe('create from "All profiles"', () => {
  it('offers every profile by project, disables the ones that cannot create with why, and chooses none', async () => {
    openFromAll()
    await screen.findByTestId('cw-where')
    const projects = screen.getAllByTestId('cw-project')
    // The user's projects in list order, the demo sandbox last and marked as such.
    expect(projects.map((p) => p.querySelector('.cw-project-name')?.textContent)).toEqual([
      'Chennai prod',
      'ML research',
      'Old staging',
      'Finance',
      'Edge',
      'default-project'
    ])
    expect(projects.at(-1)).toHaveTextContent('Demo sandbox')
    // Each project is a named group of its locations, not a region landmark (six of those crowded the page's list).
    expect(screen.getByRole('group', { name: /^ML research/ })).toBe(projects[1])
    expect(within(screen.getByRole('dialog')).queryAllByRole('region')).toEqual([])
    // Both locations of one project sit together, Delhi first.
    expect(
      within(projects[0]!)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('aria-label'))
    ).toEqual(['Chennai prod, Delhi', 'Chennai prod, Chennai'])
    expect(screen.getByRole('radio', { name: 'default-project (demo sandbox), Chennai' })).toBeEnabled()

    expect(screen.getByTestId('cw-where')).toHaveTextContent('4 of 7 profiles can create')
    expect(radioOf('p4')).toBeDisabled()
    expect(cardOf('p4')).toHaveTextContent(REASONS.rejected)
    expect(radioOf('p5')).toBeDisabled()
    expect(cardOf('p5')).toHaveTextContent(REASONS.locked)
    expect(radioOf('p6')).toBeDisabled()
    expect(cardOf('p6')).toHaveTextContent(REASONS.offline)
    expect(radioOf('p3')).toBeEnabled()

    // Nothing chosen: Next waits and says for what; no OS list until a profile is chosen.
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toEqual([])
    expect(nextButton()).toBeDisabled()
    expect(screen.getByTestId('cw-foot-cost')).toHaveTextContent('Choose where the node goes')
    expect(screen.getByTestId('cw-os-wait')).toBeInTheDocument()
    expect(screen.queryByRole('radio', { name: 'Ubuntu 24.04' })).toBeNull()
  })

  it('creates in the chosen profile: its OS, plans, options, draft, the create call and the follow', async () => {
    const { fake, onCreated } = openFromAll(undefined, [
      makeProfileNodes({ profileId: 'p1', nodes: [makeNode({ id: 7, name: 'node-01' })] }),
      makeProfileNodes({ profileId: 'p3', nodes: [makeNode({ id: 8, name: 'train-01' })] })
    ])
    await screen.findByTestId('cw-where')
    fireEvent.click(radioOf('p3'))
    expect(radioOf('p3')).toBeChecked()
    expect(within(cardOf('p3')).getByTestId('cw-location')).toHaveTextContent('Delhi')
    fireEvent.click(await screen.findByRole('radio', { name: 'Ubuntu 24.04' }))
    expect(fake.api.callsTo('catalog:os')).toEqual([{ profileId: 'p3' }])
    await waitFor(() => expect(fake.api.callsTo('catalog:plans').map((c) => c.profileId)).toContain('p3'))

    fireEvent.click(nextButton())
    fireEvent.click(await screen.findByRole('radio', { name: 'C3.8GB' }))
    fireEvent.click(nextButton())
    await screen.findByRole('checkbox', { name: /laptop/ })
    expect(fake.api.callsTo('catalog:create-options')).toEqual([{ profileId: 'p3' }])
    // The free name is this profile's: node-01 is taken in Chennai prod, not in ML research.
    expect(screen.getByLabelText('Name')).toHaveValue('node-01')
    setName('train-02')
    await waitFor(() => expect(fake.api.state.wizardDraft?.draft).toMatchObject({ profileId: 'p3', name: 'train-02' }))
    await waitFor(() => expect(nextButton()).toBeEnabled())
    fireEvent.click(nextButton())
    const summary = await screen.findByTestId('cw-summary')
    expect(summary).toHaveTextContent('Delhi · project 60001')
    expect(summary).toHaveTextContent('ML research')

    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    await waitFor(() => expect(fake.creates).toHaveLength(1))
    expect(fake.creates[0]).toMatchObject({ profileId: 'p3', name: 'train-02' })
    // Following the node listens to its profile, not another one.
    const row = await screen.findByTestId('cw-follow-row')
    act(() =>
      fake.emit(
        'nodes:changed',
        makeProfileNodes({ profileId: 'p1', nodes: [makeNode({ id: 101, name: 'node-01', status: 'RUNNING' })] })
      )
    )
    expect(row).not.toHaveTextContent('Running')
    act(() =>
      fake.emit(
        'nodes:changed',
        makeProfileNodes({ profileId: 'p3', nodes: [makeNode({ id: 101, name: 'node-01', status: 'RUNNING' })] })
      )
    )
    await waitFor(() => expect(row).toHaveTextContent('Running'))
    fireEvent.click(screen.getByRole('button', { name: 'Done' }))
    expect(onCreated).toHaveBeenCalledWith([101], 'p3')
  })

  it('chooses the only profile that can create, and goes straight on to its OS', async () => {
    const { fake } = openFromAll([REJECTED, ML, LOCKED])
    await screen.findByTestId('cw-where')
    await waitFor(() => expect(radioOf('p3')).toBeChecked())
    expect(await screen.findByRole('radio', { name: 'Ubuntu 24.04' })).toBeInTheDocument()
    expect(screen.getByTestId('cw-foot-cost')).toHaveTextContent('Choose an operating system first')
    expect(fake.api.callsTo('catalog:os')).toEqual([{ profileId: 'p3' }])
  })

  it('switching profiles clears what belongs to the old project and reads the new one’s', async () => {
    const { fake } = openFromAll()
    // The demo project offers no GPU plan for this OS; Chennai prod does.
    fake.api.catalog.plans = ((input: { profileId: string }) =>
      Promise.resolve({
        ok: true as const,
        value: input.profileId === 'demo-1' ? PLANS.filter((p) => !p.isGpu) : PLANS
      })) as never
    await screen.findByTestId('cw-where')
    fireEvent.click(radioOf('p1'))
    fireEvent.click(await screen.findByRole('radio', { name: 'Ubuntu 24.04' }))
    fireEvent.click(nextButton())
    fireEvent.click(await screen.findByRole('radio', { name: 'C3.8GB' }))
    expect(await screen.findByRole('radio', { name: /GDC3/ })).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: /^Location and OS/ }))
    fireEvent.click(radioOf('demo-1'))
    expect(await screen.findByRole('radio', { name: 'Ubuntu 24.04' })).toBeChecked()
    fireEvent.click(nextButton())
    await screen.findAllByTestId('cw-plan-row')
    expect(screen.queryByRole('radio', { name: /GDC3/ })).toBeNull()
    expect(screen.getByRole('radio', { name: 'C3.8GB' })).not.toBeChecked()
    expect(nextButton()).toBeDisabled()
  })
})

describe('projectTitle and groupByProject', () => {
  it('names a project by its profiles without their location', () => {
    expect(projectTitle([DELHI, PROFILE])).toBe('Chennai prod')
    expect(projectTitle([DEMO])).toBe('default-project')
    expect(projectTitle([makeProfile({ name: 'Delhi', projectId: '5' })])).toBe('Project 5')
    expect(
      projectTitle([makeProfile({ name: 'Web (Delhi)' }), makeProfile({ name: 'Api', location: 'Chennai' })])
    ).toBe('Web / Api')
  })

  it('keeps a project’s profiles together, demo last, and picks only a sole usable profile', () => {
    const groups = groupByProject([DEMO, PROFILE, ML, DELHI])
    expect(groups.map((g) => g.profiles.map((p) => p.id))).toEqual([['p2', 'p1'], ['p3'], ['demo-1']])
    expect(soleUsable([PROFILE, ML], () => null)).toBeNull()
    expect(soleUsable([PROFILE, ML], (p) => (p.id === 'p1' ? 'no' : null))).toBe('p3')
    expect(soleUsable([PROFILE], () => 'no')).toBeNull()
  })
})

describe('the node list’s Create node', () => {
  const catalog = {
    'catalog:os': () => OS_FAMILIES,
    'catalog:plans': () => PLANS,
    'catalog:create-options': () => OPTIONS
  }

  it('with "All profiles" and several profiles it opens the wizard on the profile choice', async () => {
    installFake(catalog, {
      profiles: [PROFILE, ML],
      snapshot: [makeProfileNodes({ profileId: 'p1' }), makeProfileNodes({ profileId: 'p3' })]
    })
    await act(() => loadAll())
    render(<NodeListScreen />)
    const create = screen.getByRole('button', { name: 'Create node' })
    expect(create).toBeEnabled()
    fireEvent.click(create)
    await screen.findByTestId('cw-where', {}, { timeout: 5000 })
    expect(screen.getAllByTestId('cw-profile-card')).toHaveLength(2)
    expect(screen.getByTestId('cw-foot-cost')).toHaveTextContent('Choose where the node goes')
  })

  it('with one profile shown it opens the wizard on that profile’s locations', async () => {
    installFake(catalog, {
      profiles: [PROFILE, ML],
      snapshot: [makeProfileNodes({ profileId: 'p1' }), makeProfileNodes({ profileId: 'p3' })]
    })
    await act(() => loadAll())
    act(() => useUiStore.getState().setListProfile('p3'))
    render(<NodeListScreen />)
    fireEvent.click(screen.getByRole('button', { name: 'Create node' }))
    expect(await screen.findByTestId('cw-location', {}, { timeout: 5000 })).toHaveTextContent('Delhi')
    expect(screen.queryByTestId('cw-where')).toBeNull()
    expect(screen.getAllByTestId('cw-location-card')).toHaveLength(2)
  })
})
