// docs/e2e-api.md#catalog: OS catalog (new shape, legacy fallback on 404) and plans.
import { z } from 'zod'
import type { OsFamily, Plan } from '../../../shared/domain/catalog'
import { isDomainError } from '../errors'
import type { CallOptions } from './client.types'
import {
  legacyCategoryReply,
  osCategoryReply,
  planRow,
  toOsFamilies,
  toOsFamiliesLegacy,
  toPlan
} from './catalog.mapper'
import type { Http } from './http'
import { parseItems } from './lenient'

const plansReply = z.looseObject({ data: z.array(z.unknown()) })

export interface PlansQuery {
  os: string
  version: string
  subCategory: string
  displayCategory: string
}

export function createCatalogClient(http: Http) {
  async function listOs(o: CallOptions = {}): Promise<OsFamily[]> {
    try {
      const reply = await http.read(
        { method: 'GET', path: 'images/os-category/', scope: 'proj', signal: o.signal },
        osCategoryReply
      )
      return toOsFamilies(reply.data.category_list)
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'NOT_FOUND') throw e
    }
    const legacy = await http.read(
      { method: 'GET', path: 'images/category-list/', scope: 'proj', signal: o.signal },
      legacyCategoryReply
    )
    return toOsFamiliesLegacy(legacy.data.category_list)
  }

  async function listPlans(q: PlansQuery, o: CallOptions = {}): Promise<Plan[]> {
    const reply = await http.read(
      {
        method: 'GET',
        path: 'images/',
        scope: 'proj',
        signal: o.signal,
        query: { display_category: q.displayCategory, category: q.subCategory, os: q.os, osversion: q.version }
      },
      plansReply
    )
    return parseItems(reply.data, planRow).map(toPlan)
  }

  return { listOs, listPlans }
}
