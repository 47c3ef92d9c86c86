// One valid input per invoke channel, shared by the IPC fuzzer and the unknown-key test. The mapped type makes
// a new channel without an example a type error.
import type { InvokeChannel, InvokeInput } from '../../shared/ipc/contract'

export type Examples = { [C in InvokeChannel]: InvokeInput<C> }

export interface Known {
  profileId: string
  nodeId: number
  nodeName: string
  apiKey: string
  authToken: string
  baseUrl: string
  projectId: string
}

/** One valid input per channel, aimed at real things: if validation were skipped, these would act on them. */
export function validExamples(k: Known): Examples {
  const ref = { profileId: k.profileId, nodeId: k.nodeId }
  return {
    'app:info': {},
    'app:open-external': { url: 'https://www.e2enetworks.com/' },
    'app:dismiss-notice': { id: 'notice-1' },
    'clipboard:write': { text: '203.0.113.10' },
    'settings:get': {},
    'settings:update': { steadyIntervalSec: 120, notifications: false, hideDemo: true },
    'profiles:list': {},
    'profiles:create': {
      name: 'Fuzzed',
      projectId: k.projectId,
      location: 'Delhi',
      apiBaseUrl: k.baseUrl,
      color: '#3b82f6',
      initials: 'FZ',
      apiKey: k.apiKey,
      authToken: k.authToken
    },
    'profiles:update': { profileId: k.profileId, name: 'Renamed', color: '#ef4444', apiKey: '', authToken: '' },
    'profiles:delete': { profileId: k.profileId },
    'profiles:check-credentials': { apiKey: k.apiKey, authToken: k.authToken, apiBaseUrl: k.baseUrl },
    'profiles:pick-import': { kind: 'e2ectl' },
    'profiles:import': {
      importId: 'import-1',
      entries: [{ alias: 'prod', name: 'Imported', projectId: k.projectId, location: 'Chennai' }]
    },
    'profiles:export': {},
    'profiles:retry-keychain': {},
    'profiles:check-import': { importId: 'import-1', alias: 'work' },
    'nodes:snapshot': {},
    'nodes:refresh': { profileId: k.profileId },
    'nodes:detail': ref,
    'nodes:action': { ...ref, action: 'power_off' },
    'nodes:delete': { ...ref, confirmName: k.nodeName, reserveIp: false },
    'nodes:committed-settings': { ...ref, mode: 'auto_renew', committedPlanId: 7 },
    'nodes:create': {
      profileId: k.profileId,
      requestId: '0b6a3d6e-0c9f-4d0e-8a55-6c3c1b0a9f11',
      name: 'fuzz-node',
      plan: 'C3-4vCPU-8RAM-100DISK-C3.8GB-Ubuntu-24.04-Delhi',
      image: 'Ubuntu-24.04-Distro',
      count: 1,
      sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFuzzKeyForIntegration fuzz@test'],
      backups: false,
      vpcId: 12,
      securityGroupId: 34,
      ipv6: false,
      startScript: '#!/bin/sh\necho hi',
      committedSkuId: 9
    },
    'catalog:os': { profileId: k.profileId },
    'catalog:plans': {
      profileId: k.profileId,
      os: 'Ubuntu',
      version: '24.04',
      subCategory: 'Ubuntu',
      displayCategory: 'Linux Virtual Node'
    },
    'catalog:create-options': { profileId: k.profileId },
    'poller:set-paused': { paused: true },
    'tray:model': {},
    'tray:activate': { itemId: `node:${k.profileId}:${k.nodeId}:power_off` },
    'dialog:respond': { dialogId: 'dialog-1', response: 1, path: '/tmp/x.json' },
    'updates:status': {},
    'updates:restart': {},
    'wizard:draft-get': {},
    'wizard:draft-save': {
      draft: {
        profileId: k.profileId,
        step: 'options',
        os: { os: 'Ubuntu', version: '24.04', subCategory: 'Ubuntu', displayCategory: 'Linux Virtual Node' },
        plan: { slug: 'C3-4vCPU-8RAM-100DISK-C3.8GB-Ubuntu-24.04-Delhi', sku: 'C3.8GB' },
        name: 'fuzz-node',
        count: 1,
        sshKeyIds: [1],
        backups: false,
        vpcId: null,
        securityGroupId: null,
        reserveIp: null,
        ipv6: false,
        startScript: '#!/bin/sh\necho hi',
        diskText: '100',
        committedSkuId: null
      }
    }
  }
}

/** Plausible stand-ins for tests that drive a registry over stub handlers (nothing real behind them). */
export const STUB_KNOWN: Known = {
  profileId: 'p1',
  nodeId: 42,
  nodeName: 'web-42',
  apiKey: 'a1b2c3d4-0000-4000-8000-feedfacecafe',
  authToken: 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTk5OTk5OTl9.c2lnbmF0dXJlLXNlY3JldA',
  baseUrl: 'https://api.e2enetworks.com/myaccount/api/v1/',
  projectId: '51734'
}
