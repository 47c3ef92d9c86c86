import type { ProfileView } from '../../../shared/domain/profile'

/** Black or white text, whichever reads better on the profile's colour (WCAG relative luminance). */
export function textOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex)
  if (!m || !m[1]) return '#fff'
  const n = parseInt(m[1], 16)
  const lin = (c: number) => {
    const v = c / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  const l = 0.2126 * lin((n >> 16) & 255) + 0.7152 * lin((n >> 8) & 255) + 0.0722 * lin(n & 255)
  return l > 0.179 ? '#000' : '#fff'
}

/** The profile's colour and initials; the name is always next to it, so the avatar is decorative. */
export function Avatar({ profile, size = 28 }: { profile: Pick<ProfileView, 'color' | 'initials'>; size?: number }) {
  return (
    <span
      className="avatar"
      aria-hidden="true"
      style={{
        background: profile.color,
        color: textOn(profile.color),
        width: size,
        height: size,
        fontSize: size * 0.42
      }}
    >
      {profile.initials}
    </span>
  )
}
