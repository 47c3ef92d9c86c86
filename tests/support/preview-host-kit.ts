// A preview host for tests that talk to it over real HTTP: a scratch folder with a stub renderer, a memory vault,
// instant demo transitions and a silent log. `close()` stops the host and removes the folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startPreviewHost, type PreviewHost, type PreviewHostOptions } from '../../electron/preview/host'
import { MemoryVault } from '../../electron/main/vault/memory-vault'

export interface TestPreviewHost {
  host: PreviewHost
  /** The scratch folder: data/, home/ and renderer/ are in it. */
  dir: string
  close(): Promise<void>
}

export async function startTestPreviewHost(
  name: string,
  options: Partial<PreviewHostOptions> = {}
): Promise<TestPreviewHost> {
  const dir = await mkdtemp(join(tmpdir(), `nodetray-${name}-`))
  await mkdir(join(dir, 'renderer'))
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head></head><body>app</body></html>')
  const host = await startPreviewHost({
    dataDir: join(dir, 'data'),
    rendererDir: join(dir, 'renderer'),
    vault: new MemoryVault(),
    demoTransitions: 'instant',
    homeDir: join(dir, 'home'),
    logSink: () => undefined,
    ...options
  })
  return {
    host,
    dir,
    close: async () => {
      await host.close()
      await rm(dir, { recursive: true, force: true })
    }
  }
}
