// A copy button beside a fact: the icon turns into a tick for a moment and "Copied" is announced; a failure raises
// a toast in plain words.
import { useEffect, useState } from 'react'
import { Check, Copy } from 'lucide-react'
import { IconButton } from '../../components/ui/Button'
import { copyTextOrError } from '../../lib/clipboard'
import { plainErrorText } from '../../lib/plain-error'
import { toast } from '../../stores/notifications.store'

export const COPIED_MS = 1500

export function CopyButton({ text, what }: { text: string; what: string }) {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return undefined
    const t = setTimeout(() => setCopied(false), COPIED_MS)
    return () => clearTimeout(t)
  }, [copied])
  const copy = async () => {
    const error = await copyTextOrError(text)
    if (error) {
      toast({ kind: 'error', title: `Couldn’t copy the ${what}`, body: plainErrorText(error) })
      return
    }
    setCopied(true)
  }
  return (
    <>
      <IconButton
        icon={copied ? Check : Copy}
        label={`Copy ${what}`}
        size="sm"
        className={copied ? 'nd-copied' : undefined}
        onClick={() => void copy()}
      />
      <span className="sr-only" role="status">
        {copied ? `Copied ${what}` : ''}
      </span>
    </>
  )
}
