// Mounts the create wizard (built in features/create-wizard) from the node list's "Create node" button.
// Loaded on first use: the wizard is more than half of the bundle and the list must paint without it.
import { lazy, Suspense } from 'react'
import type { CreateWizardProps } from '../create-wizard/index'
import { Spinner } from '../../components/Spinner'

const CreateWizard = lazy(async () => ({ default: (await import('../create-wizard/index')).CreateWizard }))

export function CreateNodeEntry(props: CreateWizardProps) {
  return (
    <Suspense fallback={<Spinner label="Opening the create wizard…" />}>
      <CreateWizard {...props} />
    </Suspense>
  )
}
