// createE2EClient: the E2E MyAccount API client for one ApiTarget (one project + location, or account calls).
import { createCatalogClient } from './catalog.client'
import type { ApiTarget, ClientFactory, ClientOptions, E2EClient } from './client.types'
import { createCommittedClient } from './committed.client'
import { CREATE_TIMEOUT_MS, createCreateClient } from './create.client'
import { createHttp } from './http'
import { createNodesClient } from './nodes.client'
import { createProjectsClient } from './projects.client'
import { listReservedIps } from './reserved-ips.client'
import { listSavedImages } from './saved-images.client'
import { listSecurityGroups } from './security-groups.client'
import { listSshKeys } from './ssh-keys.client'
import { listVpcs } from './vpcs.client'

export const createE2EClient: ClientFactory = (target: ApiTarget, options: ClientOptions = {}): E2EClient => {
  const http = createHttp(target, options)
  const nodes = createNodesClient(http)
  const createHttpForPost = createHttp(target, { ...options, timeoutMs: options.createTimeoutMs ?? CREATE_TIMEOUT_MS })
  const { createNode } = createCreateClient(createHttpForPost, (o) => nodes.listNodes(o))
  const client: E2EClient = {
    ...createProjectsClient(http),
    ...createCatalogClient(http),
    ...nodes,
    createNode,
    ...createCommittedClient(http),
    listSshKeys: (o) => listSshKeys(http, o),
    listSecurityGroups: (o) => listSecurityGroups(http, o),
    listVpcs: (o) => listVpcs(http, o),
    listReservedIps: (o) => listReservedIps(http, o),
    listSavedImages: (o) => listSavedImages(http, o),
    async createOptions(o) {
      const [sshKeys, securityGroups, vpcs, reservedIps] = await Promise.all([
        listSshKeys(http, o),
        listSecurityGroups(http, o),
        listVpcs(http, o),
        listReservedIps(http, o)
      ])
      return { sshKeys, securityGroups, vpcs, reservedIps }
    }
  }
  return client
}

export type { ApiTarget, ClientOptions, E2EClient } from './client.types'
