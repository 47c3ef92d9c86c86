import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Real-keyring tests need a D-Bus session with an unlocked gnome-keyring: scripts/with-keyring.sh sets KEYRING_IT=1.
const keyring = process.env.KEYRING_IT === '1'

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          environment: 'node',
          include: [
            'electron/**/*.test.ts',
            'shared/**/*.test.ts',
            'tests/integration/**/*.test.ts',
            'tests/security/**/*.test.ts',
            'scripts/**/*.test.ts'
          ],
          setupFiles: ['tests/setup/electron-mock.ts'],
          testTimeout: 20_000
        }
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['tests/setup/renderer.ts']
        }
      },
      ...(keyring
        ? [
            {
              extends: true as const,
              test: { name: 'keyring', environment: 'node', include: ['tests/keyring/**/*.test.ts'] }
            }
          ]
        : [])
    ]
  }
})
