export const LOCATIONS = ['Delhi', 'Chennai'] as const
export type Location = (typeof LOCATIONS)[number]
