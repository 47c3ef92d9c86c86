// The create-node wizard: location and OS → plan → options → review → create → follow until running. The draft
// is kept in main as the user works (use-wizard-draft.ts): closing the window loses nothing, and Cancel or Esc
// with work in it asks before throwing it away. Opened from "All profiles" (`profileId` null), step 1 also asks
// which profile the node goes to, and everything after it (plans, options, the create, the draft, following the
// node) uses that choice.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { Plan } from '../../../../shared/domain/catalog'
import { describeNames } from '../../../../shared/domain/node-state'
import type { ProfileView } from '../../../../shared/domain/profile'
import type { WizardDraftData } from '../../../../shared/ipc/contract'
import { CreateStep, MadeBefore, ReviewChecking } from './CreateStep'
import { DiscardDialog } from './DiscardDialog'
import { FetchStatus } from './FetchStatus'
import { FollowStep, type FollowState } from './FollowStep'
import { OptionsStep } from './OptionsStep'
import { PlanStep } from './PlanStep'
import { ResumeOffer } from './ResumeOffer'
import { ReviewStep } from './ReviewStep'
import { SecondNodeDialog } from './SecondNodeDialog'
import { SetupStep } from './SetupStep'
import { Stepper } from './Stepper'
import { WizardFooter } from './WizardFooter'
import { WizardFrame } from './WizardFrame'
import { profileBlockReason } from '../node-detail/node-action-model'
import { useShallow } from 'zustand/react/shallow'
import { useNodesStore } from '../../stores/nodes.store'
import { soleUsable } from './profile-choice'
import { useCreateCheck, type CreateCheck } from './use-create-check'
import { useCreateNode } from './use-create-node'
import { useWizardData } from './use-wizard-data'
import { useWizardDraft } from './use-wizard-draft'
import { describeDraft, fromSaved, isDraftStep, isPristine, toSaved } from './wizard-draft'
import { buildCreateInput, nodeNames, optionErrors, optionsBlockedReason, suggestName } from './wizard.rules'
import { DEFAULT_FILTERS, EMPTY_DRAFT, STEPS, STEP_TITLES, sameOs, type StepId, type WizardDraft } from './wizard.types'
import './create-wizard.css'

export interface CreateWizardProps {
  /** The profile the list shows; null when it shows "All profiles" and the user chooses in step 1. */
  profileId: string | null
  onClose(): void
  /** `profileId`: where the nodes were made; the location choice may have moved the wizard to another profile. */
  onCreated(nodeIds: number[], profileId: string): void
}

const NO_NAMES: ReadonlySet<string> = new Set()

/** The follow step's heading says where the nodes are, as its summary line does ("Starting up" once they ran misled). */
const FOLLOW_TITLES: Record<FollowState, string> = {
  starting: 'Starting up',
  running: 'Running',
  failed: 'Failed to start'
}

/** An earlier create of this wizard that main found made after the draft had changed. */
type MadeEarlier = CreateCheck & { profileId: string }

export function CreateWizard({ profileId: openedFor, onClose, onCreated }: CreateWizardProps) {
  const everywhere = openedFor === null
  const [profileId, setProfileId] = useState<string | null>(openedFor)
  /** Opened from "All profiles": whether the first answer about the profiles has been used to pre-select. */
  const [preselected, setPreselected] = useState(!everywhere)
  const [step, setStep] = useState<StepId>('setup')
  const [draft, setDraft] = useState<WizardDraft>(EMPTY_DRAFT)
  const [filters, setFilters] = useState(DEFAULT_FILTERS)
  /** A resumed draft's plan, until the plan list for its OS has loaded. */
  const [resumePlan, setResumePlan] = useState<WizardDraftData['plan']>(null)
  const [planGone, setPlanGone] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  /** An earlier create of this wizard made its node after all (see `madeEarlier` below); kept once seen. */
  const [made, setMade] = useState<MadeEarlier | null>(null)
  /** The user said yes to one more node for this attempt; any change to the choices asks again. */
  const [secondOk, setSecondOk] = useState(false)
  const [askSecond, setAskSecond] = useState(false)
  const [followState, setFollowState] = useState<FollowState>('starting')
  /** The user left the review to change something (its Edit, the step list or Back): offer the way straight back. */
  const [fromReview, setFromReview] = useState(false)
  const done = useRef<HTMLButtonElement>(null)
  const create = useCreateNode()
  const drafts = useWizardDraft()
  // What stops a profile from creating: its credentials, the keychain, or its last fetch (offline, rejected).
  // Only each profile's fetch error is read, so a poll that changes nodes does not re-render the wizard.
  const fetchErrors = useNodesStore(
    useShallow((s) => Object.fromEntries(Object.entries(s.byProfile).map(([id, p]) => [id, p.error])))
  )
  const blockOf = (p: ProfileView) => profileBlockReason(p, { error: fetchErrors[p.id] ?? null })
  const data = useWizardData(profileId, draft.os, { everywhere, canAsk: (p) => blockOf(p) === null })
  const { options, names, plans } = data

  // From "All profiles", start on the only profile that can create; with a real choice, nothing is chosen.
  if (!preselected && data.profiles.status === 'ready') {
    setPreselected(true)
    const only = profileId === null ? soleUsable(data.profiles.data, blockOf) : null
    if (only !== null) setProfileId(only)
  }

  const existing = (names.status === 'ready' && profileId !== null ? names.data[profileId] : undefined) ?? NO_NAMES
  const errors = optionErrors(draft, existing)
  const defaultSg = options.status === 'ready' ? options.data.securityGroups.find((g) => g.isDefault) : undefined
  const effectiveDraft: WizardDraft =
    draft.securityGroupId === null && defaultSg ? { ...draft, securityGroupId: defaultSg.id } : draft

  // Any change to the choices makes the next Create a new attempt (new requestId), which a yes to one more node
  // given for the last one does not cover.
  const newAttempt = () => {
    create.newAttempt()
    setSecondOk(false)
  }
  const update = (patch: Partial<WizardDraft>) => {
    newAttempt()
    setDraft((d) => ({ ...d, ...patch }))
  }

  const offer = drafts.offer
  const offerShown = offer !== null && offer !== undefined
  const shown: StepId = step === 'create' && create.phase.kind === 'done' ? 'follow' : step
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!offerShown) heading.current?.focus()
  }, [shown, offerShown])

  // A resumed plan comes back with today's prices, or the plan step says it is gone. Settled while rendering
  // (React's "adjust state on a change" pattern), so no frame shows the step without it.
  if (resumePlan && plans.status === 'ready') {
    const found = plans.data.find((p) => p.slug === resumePlan.slug && p.available)
    setResumePlan(null)
    if (found) {
      setDraft((d) => ({
        ...d,
        plan: found,
        committedSkuId: found.committed.some((c) => c.id === d.committedSkuId) ? d.committedSkuId : null
      }))
    } else {
      setPlanGone(resumePlan.sku)
      setStep('plan')
    }
  }

  // Keep the draft in main while there is work in it and the user is still choosing.
  const pristine = isPristine(draft)
  const { schedule } = drafts
  useEffect(() => {
    if (offer !== null || !isDraftStep(step) || pristine || profileId === null) return
    schedule(toSaved(draft, step, profileId, resumePlan))
  }, [offer, step, pristine, draft, profileId, resumePlan, schedule])

  const result = create.phase.kind === 'done' ? create.phase.result : null
  const { clear } = drafts
  useEffect(() => {
    if (result) void clear()
  }, [result, clear])

  const nextBlocked = blockedReason(step)
  function blockedReason(at: StepId): string | null {
    if (offerShown) return 'Resume your draft or start fresh first'
    if (at === 'setup') {
      if (data.profileFetch.status !== 'ready') return everywhere ? 'Loading your profiles…' : 'Loading the profile…'
      if (!data.profile) return everywhere ? 'Choose where the node goes' : 'This profile no longer exists'
      return blockOf(data.profile) ?? (draft.os ? null : 'Choose an operating system first')
    }
    if (at === 'plan') return draft.plan?.available ? null : 'Choose a plan first'
    if (at === 'options') {
      if (options.status === 'loading') return 'Loading SSH keys and networks…'
      if (options.status === 'error') return 'SSH keys and networks could not be loaded'
      return optionsBlockedReason(errors)
    }
    return 'Nothing comes after this step'
  }

  const go = (to: StepId) => {
    // Start from a free name so the common case needs no typing.
    if (to === 'options' && draft.name === '' && names.status === 'ready')
      setDraft((d) => ({ ...d, name: suggestName(existing) }))
    setStep(to)
  }
  const next = () => {
    const i = STEPS.indexOf(step)
    const to = STEPS[i + 1]
    if (nextBlocked === null && to && i < STEPS.indexOf('review')) go(to)
  }
  const back = () => {
    const to = STEPS[STEPS.indexOf(step) - 1]
    if (to) leave(to)
  }
  /** Any move to another step; one away from the review remembers it, and arriving there forgets it. */
  const leave = (to: StepId) => {
    if (step === 'review' && STEPS.indexOf(to) < STEPS.indexOf('review')) setFromReview(true)
    setStep(to)
  }
  if (fromReview && step === 'review') setFromReview(false)
  // Back from an edit, the review is one press away (Next would walk every step after this one again), once this step
  // and each one between still hold: otherwise it says which needs an answer first. From the options Next is that.
  const reviewAhead = fromReview && STEPS.indexOf(step) < STEPS.indexOf('options')
  const reviewBlocked = reviewAhead
    ? (STEPS.slice(STEPS.indexOf(step), STEPS.indexOf('review'))
        .map(blockedReason)
        .find((r) => r !== null) ?? null)
    : null
  const backToReview = () => {
    if (reviewAhead && reviewBlocked === null) setStep('review')
  }
  const send = (to: string) => {
    const sshKeys = options.status === 'ready' ? options.data.sshKeys : []
    create.submit((requestId) => buildCreateInput(effectiveDraft, { profileId: to, requestId, sshKeys }))
    setStep('create')
  }
  const startCreate = () => {
    if (create.phase.kind === 'creating' || profileId === null || createBlocked !== null) return
    // An earlier create of this wizard made its node after all: one more node needs its own yes.
    if (made !== null && !secondOk) return setAskSecond(true)
    send(profileId)
  }
  const createSecond = () => {
    if (create.phase.kind === 'creating' || profileId === null || createBlocked !== null) return
    setAskSecond(false)
    setSecondOk(true)
    send(profileId)
  }

  // Main settled an unknown outcome as created: ask again with the same requestId, which answers with the node.
  const check = useCreateCheck(profileId ?? '', create.phase.kind === 'failed' ? create.requestId : null)
  const settledCreated = check?.state === 'created' && create.phase.kind === 'failed'
  const startCreateRef = useRef(startCreate)
  useEffect(() => {
    startCreateRef.current = startCreate
  })
  useEffect(() => {
    if (settledCreated) startCreateRef.current()
  }, [settledCreated])

  const creating = create.phase.kind === 'creating'
  // While main sends or checks a create of this wizard (this attempt's, or one from before the choices changed),
  // Create waits: a repeat would only be refused, and a new one could leave two nodes billed where one was meant.
  const watchedCheck = useCreateCheck(create.watch?.profileId ?? '', create.watch?.requestId ?? null)
  // The same create as the step's: one source, so the step's "created" is never held up by this copy.
  const watched = check !== null && check.requestId === create.watch?.requestId ? check : watchedCheck
  const openCheck = watched?.state === 'sending' || watched?.state === 'checking' ? watched : null
  // Settled as created, but not this attempt's (that one opens the node, above): the user changed the choices while
  // Nodetray checked, so the node they meant exists and Create node now would make one more. Kept once seen, since
  // main forgets settled creates after a while; a later one of this wizard replaces it.
  const madeEarlier = watched?.state === 'created' && watched.requestId !== create.requestId ? watched : null
  if (
    madeEarlier &&
    create.watch &&
    (made?.requestId !== madeEarlier.requestId || made.nodeIds.length !== madeEarlier.nodeIds.length)
  ) {
    setMade({ ...madeEarlier, profileId: create.watch.profileId })
  }
  // The create step shows that check only while it is still this attempt's.
  const checkShown = openCheck !== null && create.phase.kind === 'failed' && openCheck.requestId === create.requestId
  const createBlocked = creating
    ? 'Wait until E2E answers the create'
    : openCheck
      ? `Nodetray is checking whether E2E created ${describeNames(openCheck.names)}; it can be tried again once that is known.`
      : null
  const finish = () => onCreated(result ? result.nodes.map((n) => n.id) : [], profileId ?? '')
  // The node the user meant exists: open it, and the changed draft (only ever a change of that node) goes too.
  const openMade = (m: MadeEarlier) => {
    void drafts.clear()
    onCreated(m.nodeIds, m.profileId)
  }
  const requestClose = () => {
    if (creating) return
    if (confirming) return setConfirming(false)
    if (askSecond) return setAskSecond(false)
    if (result) return finish()
    // Work that is not kept yet, or a kept draft the user may not want: ask. The resume offer closes as it is.
    if (!offerShown && !pristine && step !== 'create') return setConfirming(true)
    onClose()
  }
  const keepDraft = () => {
    setConfirming(false)
    void drafts.flush()
    onClose()
  }
  const discard = () => {
    setConfirming(false)
    void drafts.clear()
    onClose()
  }

  const resume = () => {
    if (!offer) return
    const saved = offer.draft
    newAttempt()
    setProfileId(saved.profileId)
    setDraft(fromSaved(saved))
    setResumePlan(saved.plan)
    setStep(saved.step)
    drafts.answerOffer()
  }
  const startFresh = () => {
    void drafts.clear()
    drafts.answerOffer()
  }

  const pickLocation = (id: string) => {
    if (id === profileId) return
    newAttempt()
    setProfileId(id)
    if (profileId === null) return
    // Plans, networks, groups, reserved IPs and keys belong to one project in one location.
    setDraft((d) => ({
      ...d,
      plan: null,
      committedSkuId: null,
      sshKeyIds: [],
      vpcId: null,
      securityGroupId: null,
      reserveIp: null
    }))
  }

  const failedKind = create.phase.kind === 'failed' ? create.phase.failure.kind : null
  const stepTitle = offerShown
    ? 'Resume your draft?'
    : shown === 'create' && failedKind
      ? failedKind === 'unknown'
        ? 'Create interrupted'
        : 'Create failed'
      : shown === 'follow'
        ? FOLLOW_TITLES[followState]
        : STEP_TITLES[shown]

  const onBodyKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return
    // Buttons, links and text areas keep their own Enter; everywhere else Enter means Next.
    if (e.target instanceof HTMLElement && e.target.closest('textarea, button, a, select, summary')) return
    e.preventDefault()
    // Enter does what the primary button does.
    if (reviewAhead && reviewBlocked === null) backToReview()
    else next()
  }

  const selectOs = (v: NonNullable<WizardDraft['os']>) => {
    if (!sameOs(draft.os, v)) update({ os: v, plan: null, committedSkuId: null })
  }
  const selectPlan = (p: Plan) => {
    setPlanGone(null)
    const keepSku = p.committed.some((c) => c.id === draft.committedSkuId)
    update({ plan: p, committedSkuId: keepSku ? draft.committedSkuId : null })
  }

  const nodeCounts: Record<string, number> = {}
  if (names.status === 'ready') for (const [id, set] of Object.entries(names.data)) nodeCounts[id] = set.size
  const offerProfile = offer ? (data.profiles.latest ?? []).find((p) => p.id === offer.draft.profileId) : undefined
  const offerLabel = offerProfile
    ? offerProfile.name.includes(offerProfile.location)
      ? offerProfile.name
      : `${offerProfile.name} · ${offerProfile.location}`
    : data.profiles.answered
      ? null
      : 'Reading profiles…'

  return (
    <WizardFrame
      title="Create node"
      onEscape={requestClose}
      stepper={<Stepper current={shown} locked={step === 'create' || offerShown} onGo={leave} />}
      overlay={
        confirming ? (
          <DiscardDialog
            summary={describeDraft({ ...draft, plan: draft.plan ?? resumePlan })}
            canKeep={drafts.status !== 'not-kept'}
            onKeepEditing={() => setConfirming(false)}
            onKeepDraft={keepDraft}
            onDiscard={discard}
          />
        ) : askSecond && made ? (
          <SecondNodeDialog
            made={made.names}
            names={nodeNames(draft.name, draft.count)}
            plan={draft.plan}
            committedSkuId={draft.committedSkuId}
            blocked={createBlocked}
            onCancel={() => setAskSecond(false)}
            onCreate={createSecond}
          />
        ) : undefined
      }
      footer={
        <WizardFooter
          step={shown}
          failed={create.phase.kind === 'failed'}
          creating={creating}
          createBlocked={createBlocked}
          nextBlocked={nextBlocked}
          toReview={reviewAhead ? { blocked: reviewBlocked, go: backToReview } : null}
          plan={draft.plan}
          count={draft.count}
          committedSkuId={draft.committedSkuId}
          draftStatus={drafts.status}
          offerShown={offerShown}
          onCancel={requestClose}
          onBack={step === 'create' ? () => setStep('review') : back}
          onNext={next}
          onCreate={startCreate}
          onDone={finish}
          doneRef={done}
        />
      }
    >
      <div className="cw-step-body" onKeyDown={onBodyKeyDown}>
        <h3 ref={heading} tabIndex={-1} className="cw-step-title" data-autofocus>
          {stepTitle}
        </h3>
        {offerShown ? (
          <ResumeOffer saved={offer} profileLabel={offerLabel} onResume={resume} onFresh={startFresh} />
        ) : (
          <>
            {made && isDraftStep(shown) && (
              <MadeBefore
                made={made.names}
                names={nodeNames(draft.name, draft.count)}
                onOpen={made.nodeIds.length > 0 ? () => openMade(made) : undefined}
                onCheckList={onClose}
              />
            )}
            {shown === 'setup' && (
              <SetupStep
                everywhere={everywhere}
                profile={data.profileFetch}
                onRetryProfile={data.profiles.reload}
                locations={data.locations}
                blockOf={blockOf}
                plansByProfile={data.plansByProfile}
                nodeCounts={nodeCounts}
                os={draft.os}
                onLocation={pickLocation}
                families={
                  // A location switch reloads the list: keep showing the last one meanwhile (no spinner flash).
                  data.families.status === 'loading' && data.families.latest
                    ? { status: 'ready', data: data.families.latest }
                    : data.families
                }
                onRetryFamilies={data.families.reload}
                onOs={selectOs}
              />
            )}
            {shown === 'plan' && (
              <PlanStep
                plans={plans}
                onRetry={plans.reload}
                filters={filters}
                onFilters={setFilters}
                selected={draft.plan}
                onSelect={selectPlan}
                gone={planGone}
              />
            )}
            {shown === 'options' && (
              <OptionsStep
                draft={effectiveDraft}
                update={update}
                errors={errors}
                options={options}
                onRetry={options.reload}
                namesFailed={names.status === 'error'}
              />
            )}
            {shown === 'review' &&
              (resumePlan ? (
                // A resumed draft's plan is read again first; a failure says so here, with Retry.
                <FetchStatus state={plans} what="today's prices for your plan" onRetry={plans.reload} />
              ) : (
                <>
                  {openCheck && (
                    <ReviewChecking check={openCheck} onShow={checkShown ? () => setStep('create') : undefined} />
                  )}
                  <ReviewStep
                    draft={effectiveDraft}
                    profile={data.profile}
                    options={options.status === 'ready' ? options.data : null}
                    onEdit={leave}
                  />
                </>
              ))}
            {shown === 'create' && (
              <CreateStep
                phase={create.phase}
                check={check}
                name={draft.name}
                retryBlocked={createBlocked}
                onRetry={startCreate}
                onBackToOptions={() => setStep('options')}
                onCheckList={onClose}
              />
            )}
            {shown === 'follow' && result && profileId !== null && (
              <FollowStep
                profileId={profileId}
                result={result}
                onState={setFollowState}
                onFocusLost={() => done.current?.focus()}
              />
            )}
          </>
        )}
      </div>
    </WizardFrame>
  )
}
