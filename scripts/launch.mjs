// `npm start` / `npm run dev`: launch the Electron app. Electron downloads its binary on first use; where that
// is impossible (offline build machines, CI) say so in one line and point to the browser preview instead.
import { spawn, spawnSync } from 'node:child_process'
const dev = process.argv.includes('--dev')

let electronPath
try {
  // Resolving triggers Electron's own lazy download when the binary is missing; it throws when it cannot.
  const quiet = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    encoding: 'utf8',
    timeout: 180_000
  })
  if (quiet.status !== 0 || !quiet.stdout) throw new Error('no binary')
  electronPath = quiet.stdout
} catch {
  console.error(
    'Nodetray: the Electron binary is not installed and cannot be downloaded here; run `npm run preview:web` to use Nodetray in a browser instead.'
  )
  process.exit(1)
}

// --demo=on: with nothing set up yet, open on the demo sandbox (the quick start's promise); the installed app offers
// the demo on its first-run screen instead.
const child = dev
  ? spawn('npx', ['electron-vite', 'dev', '--', '--demo=on'], { stdio: 'inherit' })
  : spawn(electronPath, ['.', '--demo=on'], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 0))
