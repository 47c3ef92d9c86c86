export interface Project {
  projectId: number
  name: string
  isDefault: boolean
}

export interface SshKey {
  id: number
  label: string
  /** Public key text: create takes the text, not the id. Public keys are not secrets. */
  publicKey: string
  type: string
}

export interface SecurityGroup {
  id: number
  name: string
  description: string
  isDefault: boolean
}

export interface Vpc {
  networkId: number
  name: string
  state: string
  cidr: string | null
  isActive: boolean
}

export interface ReservedIp {
  ip: string
  status: string
  type: string
  vmId: number | null
  vmName: string | null
  reserveId: number | null
  /** Reserved and attached to nothing: usable as a new node's primary IP. */
  isFree: boolean
}

export interface SavedImage {
  templateId: number
  name: string
  state: string
  os: string | null
  size: string | null
}

/** Everything the create wizard's options step needs, fetched in one call. */
export interface CreateOptionsData {
  sshKeys: SshKey[]
  securityGroups: SecurityGroup[]
  vpcs: Vpc[]
  reservedIps: ReservedIp[]
}
