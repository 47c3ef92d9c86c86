// The <option>s of every location picker, in the order E2E lists its regions.
import { LOCATIONS } from '../../../shared/domain/location'

export function LocationOptions() {
  return LOCATIONS.map((l) => (
    <option key={l} value={l}>
      {l}
    </option>
  ))
}
