export { PENDING_LABEL } from '../../../../shared/domain/node-state'
