import type { SavedImage } from '../../../shared/domain/resources'
import type { CallOptions } from './client.types'
import type { Http } from './http'
import { parseItems } from './lenient'
import { dataList, savedImageRow, toSavedImage } from './resources.mapper'

/** docs/e2e-api.md#saved-images: GET images/saved-images/. */
export async function listSavedImages(http: Http, o: CallOptions = {}): Promise<SavedImage[]> {
  const reply = await http.read(
    { method: 'GET', path: 'images/saved-images/', scope: 'proj', signal: o.signal },
    dataList
  )
  return parseItems(reply.data, savedImageRow).map(toSavedImage)
}
