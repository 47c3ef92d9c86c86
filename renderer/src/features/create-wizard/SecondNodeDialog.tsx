// Asked when Create node would go out after an earlier create of this wizard turned out to have made its node: the
// user renamed or changed the draft while Nodetray checked, so this Create makes one more billed node, not the one
// they meant. Don't create is the default (and Esc); creating needs its own click.
import { Rocket, X } from 'lucide-react'
import type { Plan } from '../../../../shared/domain/catalog'
import { describeNames } from '../../../../shared/domain/node-state'
import { Button } from '../../components/ui/Button'
import { costFor } from './wizard.cost'
import { inr, perHour, perMonth } from './wizard-money'
import { WizardConfirm } from './WizardConfirm'

interface Props {
  /** The nodes the earlier create made. */
  made: readonly string[]
  /** The nodes this Create would make. */
  names: readonly string[]
  plan: Plan | null
  committedSkuId: number | null
  /** Why creating must wait after all (a create of this wizard is sent or checked), or null. */
  blocked: string | null
  onCancel(): void
  onCreate(): void
}

/** "a second node", "another node" (the earlier create made several), "2 more nodes". */
export function moreNodes(count: number, madeCount: number): string {
  if (count > 1) return `${count} more nodes`
  return madeCount > 1 ? 'another node' : 'a second node'
}

export function SecondNodeDialog({ made, names, plan, committedSkuId, blocked, onCancel, onCreate }: Props) {
  const count = names.length
  const more = moreNodes(count, made.length)
  const were = made.length > 1 ? 'were' : 'was'
  const them = made.length > 1 ? 'them' : 'it'
  const cost = plan ? costFor(plan, count, committedSkuId) : null
  const price = !cost
    ? ''
    : cost.committed
      ? `: ${inr(cost.committed.total)} for ${cost.committed.days} days, billed in full at creation`
      : `: ${perHour(cost.hourlyTotal)}, about ${perMonth(cost.monthlyTotal)}`
  return (
    <WizardConfirm
      title={`Create ${more}?`}
      testId="cw-second-node"
      description={
        <>
          {describeNames(made)} {were} created after all, and E2E bills {them}. Creating {describeNames(names)} now
          makes {more}, billed as well{price}.
        </>
      }
    >
      <Button icon={X} onClick={onCancel} data-autofocus>
        Don't create
      </Button>
      <span className="spacer" />
      <Button icon={Rocket} variant="danger" onClick={onCreate} disabledReason={blocked}>
        {count > 1 ? `Create ${count} nodes as well` : `Create ${names[0] ?? 'the node'} as well`}
      </Button>
    </WizardConfirm>
  )
}
