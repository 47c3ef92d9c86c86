// What the stale/offline banner says for one profile's list: the reason in plain words and the data's age.
import type { ProfileNodes } from '../../../../shared/domain/node-state'
import { formatAge, formatDuration } from '../../lib/format'

export interface StaleNotice {
  kind: 'error' | 'warn' | 'info'
  /** With the profile's name in front. */
  text: string
  /** Without the name, so profiles with the same problem can share one banner. */
  body: string
  /** The problem without the list's age: profiles whose lists differ only in age share a banner (StaleBanners). */
  problem: string
}

export function staleNotice(
  state: ProfileNodes,
  profileName: string,
  now: number = Date.now(),
  /** A demo sandbox profile: its simulated credentials are not the user's to update. */
  isDemo = false
): StaleNotice | null {
  const ageText = state.fetchedAt
    ? `Showing the list from ${formatAge(state.fetchedAt, now)}.`
    : 'No list has been fetched yet.'
  const err = state.error
  if (!err) {
    if (state.source !== 'cache') return null
    return notice(
      'info',
      profileName,
      ageText,
      (age) => `${age} ${state.refreshing ? 'Refreshing now…' : 'It will refresh on the next poll.'}`
    )
  }
  switch (err.reason) {
    case 'offline':
      return notice(
        'warn',
        profileName,
        ageText,
        (age) => `offline — the E2E API cannot be reached. ${age} Nodetray keeps retrying.`
      )
    case 'rate_limited': {
      const waitMs = state.polling.nextPollAt ? Date.parse(state.polling.nextPollAt) - now : err.retryAfterMs
      const wait =
        waitMs !== undefined && waitMs > 0
          ? `waiting ${formatDuration(waitMs)} before the next try`
          : 'backing off before the next try'
      return notice(
        'warn',
        profileName,
        ageText,
        (age) => `the E2E API is limiting requests (rate limited), ${wait}. ${age}`
      )
    }
    case 'auth':
      if (isDemo)
        return notice(
          'error',
          profileName,
          ageText,
          (age) =>
            `the demo sandbox's simulated account stopped accepting requests. Restart Nodetray to start a fresh demo. ${age}`
        )
      return notice(
        'error',
        profileName,
        ageText,
        (age) => `the API key or auth token was rejected. Update the credentials under Profiles. ${age}`
      )
    case 'timeout':
      return notice(
        'warn',
        profileName,
        ageText,
        (age) => `the E2E API did not answer in time. ${age} Nodetray keeps retrying.`
      )
    case 'server':
      return notice(
        'warn',
        profileName,
        ageText,
        (age) => `the E2E API is having problems (server error). ${age} Nodetray keeps retrying.`
      )
    case 'invalid_reply':
      return notice('warn', profileName, ageText, (age) => `the E2E API sent a reply Nodetray cannot read. ${age}`)
    default:
      return notice('warn', profileName, ageText, (age) => `${err.message} ${age}`)
  }
}

function notice(
  kind: StaleNotice['kind'],
  profileName: string,
  age: string,
  say: (age: string) => string
): StaleNotice {
  const body = say(age)
  return { kind, text: `${profileName}: ${body}`, body, problem: `${kind}|${say('')}` }
}
