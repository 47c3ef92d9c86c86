// DNS-rebinding guard: a web page that makes its own name resolve to 127.0.0.1 reaches the simulator with that
// name in Host. Only loopback names with the simulator's own port are answered.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false
  let url: URL
  try {
    url = new URL(`http://${host}`)
  } catch {
    return false
  }
  // `host` must be exactly host[:port]: no userinfo, path or anything the URL parser would quietly drop.
  if (url.host !== host.toLowerCase() || url.username || url.password) return false
  return LOOPBACK.has(url.hostname) && (url.port || '80') === String(port)
}
