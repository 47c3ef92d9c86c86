// Everything the list needs only once the user acts (row menu, bulk bar and dialog), in one chunk loaded after
// the first paint: the list's first paint carries none of it.
export { BulkBar } from './BulkBar'
export { BulkDialog } from './BulkDialog'
export { RowConfirm, RowMenu } from './RowMenu'
