// The create-node wizard: location → OS → plan → options → review → create → follow until running.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { Plan } from '../../../../shared/domain/catalog'
import { call } from '../../lib/ipc'
import { CreateStep } from './CreateStep'
import { FollowStep } from './FollowStep'
import { LocationStep } from './LocationStep'
import { OptionsStep } from './OptionsStep'
import { OsStep } from './OsStep'
import { PlanStep } from './PlanStep'
import { ReviewStep } from './ReviewStep'
import { Stepper } from './Stepper'
import { WizardFrame } from './WizardFrame'
import { useCreateCheck } from './use-create-check'
import { useCreateNode } from './use-create-node'
import { useFetch } from '../../lib/use-fetch'
import { buildCreateInput, hasErrors, optionErrors, suggestName } from './wizard.rules'
import { DEFAULT_FILTERS, EMPTY_DRAFT, STEPS, STEP_TITLES, sameOs, type StepId, type WizardDraft } from './wizard.types'
import './create-wizard.css'

export interface CreateWizardProps {
  profileId: string
  onClose(): void
  onCreated(nodeIds: number[]): void
}

const NO_NAMES: ReadonlySet<string> = new Set()

export function CreateWizard({ profileId, onClose, onCreated }: CreateWizardProps) {
  const [step, setStep] = useState<StepId>('location')
  const [draft, setDraft] = useState<WizardDraft>(EMPTY_DRAFT)
  const [filters, setFilters] = useState(DEFAULT_FILTERS)
  const create = useCreateNode()

  const profile = useFetch(`profile:${profileId}`, () =>
    call((api) => api.profiles.list({})).then((list) => list.find((p) => p.id === profileId) ?? null)
  )
  const families = useFetch(`os:${profileId}`, () => call((api) => api.catalog.os({ profileId })))
  const options = useFetch(`options:${profileId}`, () => call((api) => api.catalog.createOptions({ profileId })))
  const names = useFetch(`names:${profileId}`, () =>
    call((api) => api.nodes.snapshot({})).then(
      (all): ReadonlySet<string> => new Set(all.find((p) => p.profileId === profileId)?.nodes.map((n) => n.name) ?? [])
    )
  )
  const os = draft.os
  const plans = useFetch(
    os ? `plans:${profileId}:${os.os}:${os.version}:${os.subCategory}:${os.displayCategory}` : null,
    () =>
      os
        ? call((api) =>
            api.catalog.plans({
              profileId,
              os: os.os,
              version: os.version,
              subCategory: os.subCategory,
              displayCategory: os.displayCategory
            })
          )
        : Promise.resolve<Plan[]>([])
  )

  const existing = names.status === 'ready' ? names.data : NO_NAMES
  const errors = useMemo(() => optionErrors(draft, existing), [draft, existing])
  const defaultSg = options.status === 'ready' ? options.data.securityGroups.find((g) => g.isDefault) : undefined
  const effectiveDraft: WizardDraft =
    draft.securityGroupId === null && defaultSg ? { ...draft, securityGroupId: defaultSg.id } : draft

  // Any change to the choices makes the next Create a new attempt (new requestId).
  const update = (patch: Partial<WizardDraft>) => {
    create.newAttempt()
    setDraft((d) => ({ ...d, ...patch }))
  }

  const shown: StepId = step === 'create' && create.phase.kind === 'done' ? 'follow' : step
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    heading.current?.focus()
  }, [shown])

  const canAdvance: Record<StepId, boolean> = {
    location: profile.status === 'ready' && profile.data !== null,
    os: draft.os !== null,
    plan: draft.plan?.available === true,
    options: options.status === 'ready' && !hasErrors(errors),
    review: false,
    create: false,
    follow: false
  }

  const go = (to: StepId) => {
    // Start from a free name so the common case needs no typing.
    if (to === 'options' && draft.name === '' && names.status === 'ready')
      setDraft((d) => ({ ...d, name: suggestName(names.data) }))
    setStep(to)
  }
  const next = () => {
    const i = STEPS.indexOf(step)
    const to = STEPS[i + 1]
    if (canAdvance[step] && to && i < STEPS.indexOf('review')) go(to)
  }
  const back = () => {
    const to = STEPS[STEPS.indexOf(step) - 1]
    if (to) setStep(to)
  }
  const startCreate = () => {
    if (create.phase.kind === 'creating') return
    const sshKeys = options.status === 'ready' ? options.data.sshKeys : []
    create.submit((requestId) => buildCreateInput(effectiveDraft, { profileId, requestId, sshKeys }))
    setStep('create')
  }

  // Main settled an unknown outcome as created: ask again with the same requestId, which answers with the node.
  const check = useCreateCheck(profileId, create.phase.kind === 'failed' ? create.requestId : null)
  const settledCreated = check?.state === 'created' && create.phase.kind === 'failed'
  const startCreateRef = useRef(startCreate)
  useEffect(() => {
    startCreateRef.current = startCreate
  })
  useEffect(() => {
    if (settledCreated) startCreateRef.current()
  }, [settledCreated])

  const creating = create.phase.kind === 'creating'
  const result = create.phase.kind === 'done' ? create.phase.result : null
  const finish = () => onCreated(result ? result.nodes.map((n) => n.id) : [])
  const requestClose = () => {
    if (creating) return
    if (result) finish()
    else onClose()
  }

  const failedKind = create.phase.kind === 'failed' ? create.phase.failure.kind : null
  const stepTitle =
    shown === 'create' && failedKind
      ? failedKind === 'unknown'
        ? 'Create interrupted'
        : 'Create failed'
      : STEP_TITLES[shown]

  const onBodyKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return
    // Buttons, links and text areas keep their own Enter; everywhere else Enter means Next.
    if (e.target instanceof HTMLElement && e.target.closest('textarea, button, a, select, summary')) return
    e.preventDefault()
    next()
  }

  const selectOs = (v: NonNullable<WizardDraft['os']>) => {
    if (!sameOs(draft.os, v)) update({ os: v, plan: null, committedSkuId: null })
  }
  const selectPlan = (p: Plan) => {
    const keepSku = p.committed.some((c) => c.id === draft.committedSkuId)
    update({ plan: p, committedSkuId: keepSku ? draft.committedSkuId : null })
  }

  return (
    <WizardFrame
      title="Create node"
      onEscape={requestClose}
      stepper={<Stepper current={shown} locked={step === 'create'} onGo={(s) => setStep(s)} />}
      footer={
        <Footer
          step={shown}
          failed={create.phase.kind === 'failed'}
          creating={creating}
          canNext={canAdvance[step]}
          count={draft.count}
          onCancel={onClose}
          onBack={step === 'create' ? () => setStep('review') : back}
          onNext={next}
          onCreate={startCreate}
          onDone={finish}
        />
      }
    >
      <div className="cw-step-body" onKeyDown={onBodyKeyDown}>
        <h3 ref={heading} tabIndex={-1} className="cw-step-title" data-autofocus>
          {stepTitle}
        </h3>
        {shown === 'location' && <LocationStep profile={profile} onRetry={profile.reload} />}
        {shown === 'os' && (
          <OsStep families={families} onRetry={families.reload} selected={draft.os} onSelect={selectOs} />
        )}
        {shown === 'plan' && (
          <PlanStep
            plans={plans}
            onRetry={plans.reload}
            filters={filters}
            onFilters={setFilters}
            selected={draft.plan}
            onSelect={selectPlan}
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
        {shown === 'review' && (
          <ReviewStep
            draft={effectiveDraft}
            profile={profile.status === 'ready' ? profile.data : null}
            options={options.status === 'ready' ? options.data : null}
          />
        )}
        {shown === 'create' && (
          <CreateStep
            phase={create.phase}
            check={check}
            name={draft.name}
            onRetry={startCreate}
            onBackToOptions={() => setStep('options')}
            onCheckList={onClose}
          />
        )}
        {shown === 'follow' && result && <FollowStep profileId={profileId} result={result} />}
      </div>
    </WizardFrame>
  )
}

interface FooterProps {
  step: StepId
  failed: boolean
  creating: boolean
  canNext: boolean
  count: number
  onCancel(): void
  onBack(): void
  onNext(): void
  onCreate(): void
  onDone(): void
}

function Footer({ step, failed, creating, canNext, count, onCancel, onBack, onNext, onCreate, onDone }: FooterProps) {
  if (step === 'follow') {
    return (
      <>
        <span className="spacer" />
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </>
    )
  }
  return (
    <>
      <button type="button" className="btn btn-ghost" onClick={onCancel} disabled={creating}>
        Cancel
      </button>
      <span className="spacer" />
      {step !== 'location' && (step !== 'create' || failed) && (
        <button type="button" className="btn" onClick={onBack} disabled={creating}>
          {step === 'create' ? 'Back to review' : 'Back'}
        </button>
      )}
      {step === 'review' ? (
        <button type="button" className="btn btn-primary" onClick={onCreate} disabled={creating}>
          {count > 1 ? `Create ${count} nodes` : 'Create node'}
        </button>
      ) : step !== 'create' ? (
        <button type="button" className="btn btn-primary" onClick={onNext} disabled={!canNext}>
          Next
        </button>
      ) : null}
    </>
  )
}
