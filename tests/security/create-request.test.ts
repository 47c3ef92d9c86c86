// What the wizard chose must reach E2E's create call exactly: a dropped committed plan bills hourly, a dropped VPC or
// security group exposes the node, a dropped start script leaves it unconfigured; and a field the user left out must
// not be sent at all (E2E reads a present-but-empty field as a choice).
import { describe, expect, it } from 'vitest'
import type { ClientOptions, CreateNodeRequest, E2EClient } from '../../electron/main/api/client.types'
import { engineHarness, FakeApi, summary } from '../support/engine-fakes'

class RecordingApi extends FakeApi {
  readonly sent: CreateNodeRequest[] = []
  override client(options: ClientOptions = {}): E2EClient {
    const inner = super.client(options)
    return {
      ...inner,
      createNode: async (req) => {
        this.sent.push(structuredClone(req))
        return inner.createNode(req)
      }
    }
  }
}

const base = {
  profileId: 'a',
  requestId: '6f1c3c1e-8c1a-4d6e-9d5e-2b1f3a4c5d6e',
  name: 'api-01',
  image: 'Ubuntu-22.04',
  count: 1,
  sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIRecordedKey user@host'],
  backups: true,
  ipv6: false
}

async function sendCreate(extra: Record<string, unknown>) {
  const api = new RecordingApi([summary(1)])
  const h = engineHarness({ a: api })
  await h.service.start()
  await h.clock.advance(1)
  await h.service.create({ ...base, ...extra } as Parameters<typeof h.service.create>[0])
  await h.service.stop()
  expect(api.sent).toHaveLength(1)
  return api.sent[0]!
}

describe('the create request sent to E2E', () => {
  it('carries every option the user chose', async () => {
    const req = await sendCreate({
      plan: 'E1-4vCPU-8RAM-0DISK-E1.8GB-Ubuntu-22.04-Delhi',
      vpcId: 12,
      securityGroupId: 34,
      reserveIp: '203.0.113.7',
      startScript: '#!/bin/sh\necho configured',
      disk: 100,
      committedSkuId: 9
    })
    expect(req).toMatchObject({
      name: 'api-01',
      plan: 'E1-4vCPU-8RAM-0DISK-E1.8GB-Ubuntu-22.04-Delhi',
      image: 'Ubuntu-22.04',
      count: 1,
      sshKeys: base.sshKeys,
      backups: true,
      ipv6: false,
      vpcId: 12,
      securityGroupId: 34,
      reserveIp: '203.0.113.7',
      startScript: '#!/bin/sh\necho configured',
      disk: 100,
      committedSkuId: 9
    })
  })

  it('leaves out every option the user did not choose', async () => {
    const req = await sendCreate({ plan: 'C3-8vCPU-16RAM-100DISK-C3.16GB-Ubuntu-22.04-Delhi' })
    for (const key of ['vpcId', 'securityGroupId', 'reserveIp', 'startScript', 'disk', 'committedSkuId'])
      expect(Object.keys(req), key).not.toContain(key)
  })
})
