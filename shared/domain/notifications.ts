export interface AppNotification {
  id: string
  title: string
  body: string
  at: string
  profileId: string | null
  nodeId: number | null
}
