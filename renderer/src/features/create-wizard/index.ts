export { CreateWizard, type CreateWizardProps } from './CreateWizard'
